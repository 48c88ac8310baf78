import ConciergeCore
import ConciergeDomain
import Hummingbird

/// `/admin/rules`: triggers and time-based automations (``RuleCatalog``): the list with a
/// readable summary of each, the editor (conditions and actions as JSON, checked by the use
/// case, which names the path of what it refuses), and activating or deactivating.
struct AdminRuleRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on console: RouterGroup<TenantContext>) {
        console.get("rules", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let tenant = viewer.identity.tenantID
            let summary = AdminRuleSummary(
                users: try await WebDirectory.users(services, tenant: tenant),
                groups: try await services.groups.list(tenant: tenant))
            let model = AdminRulesPage(
                triggers: try await services.rules.triggers(tenant: tenant),
                automations: try await services.rules.automations(tenant: tenant), summary: summary, viewer: viewer)
            return viewer.respond(
                "admin-rules", page: model, request: request, resources: resources,
                secureCookies: services.settings.secureCookies)
        }
        for kind in [AdminRuleKind.trigger, .automation] {
            register(kind, on: console)
        }
    }

    private func register(_ kind: AdminRuleKind, on console: RouterGroup<TenantContext>) {
        let list = "rules/\(kind.rawValue)s"
        console.get(RouterPath("rules/new-\(kind.rawValue)"), requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            return editor(kind, viewer, request, existing: nil, values: .init())
        }
        console.post(RouterPath(list), requires: .tenantWrite) { request, context in
            let (viewer, values) = try await read(request, context)
            do {
                if try await rule(kind, key: values.key, tenant: context.identity.tenantID) != nil {
                    throw AdminServiceLevelRoutes.keyTaken
                }
                try await save(kind, values, context: context)
                return services.redirect(to: kind.path(values.key), flash: .adminCreated)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                return editor(kind, viewer, request, existing: nil, values: values, error: error)
            }
        }
        console.get(RouterPath("\(list)/:key"), requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let found = try await existing(kind, context)
            return editor(kind, viewer, request, existing: (found.key, found.title), values: found.values)
        }
        console.post(RouterPath("\(list)/:key"), requires: .tenantWrite) { request, context in
            var (viewer, values) = try await read(request, context)
            let found = try await existing(kind, context)
            values.key = found.key
            values.active = found.values.active
            do {
                try await save(kind, values, context: context)
                return services.redirect(to: kind.path(found.key), flash: .adminSaved)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                return editor(kind, viewer, request, existing: (found.key, found.title), values: values, error: error)
            }
        }
        for (path, active) in [("deactivate", false), ("activate", true)] {
            console.post(RouterPath("\(list)/:key/\(path)"), requires: .tenantWrite) { _, context in
                var values = try await existing(kind, context).values
                values.active = active
                try await save(kind, values, context: context)
                return services.redirect(
                    to: kind.path(values.key), flash: active ? .adminActivated : .adminDeactivatedItem)
            }
        }
    }

    /// A stored rule as the editor shows it.
    private struct Found {
        let key: String
        let title: LocalizedText
        let values: AdminRulePage.Values
    }

    private func rule(_ kind: AdminRuleKind, key: String, tenant: TenantID) async throws -> Found? {
        switch kind {
        case .trigger:
            try await services.rules.triggers(tenant: tenant).first { $0.key == key }.map {
                Found(key: $0.key, title: $0.title, values: .init($0))
            }
        case .automation:
            try await services.rules.automations(tenant: tenant).first { $0.key == key }.map {
                Found(key: $0.key, title: $0.title, values: .init($0))
            }
        }
    }

    private func existing(_ kind: AdminRuleKind, _ context: TenantContext) async throws -> Found {
        guard
            let found = try await rule(
                kind, key: context.parameters.get("key") ?? "", tenant: context.identity.tenantID)
        else { throw AppError.notFound(kind.rawValue) }
        return found
    }

    private func read(_ request: Request, _ context: TenantContext) async throws -> (WebViewer, AdminRulePage.Values) {
        var request = request
        let form = try await PostedForm.read(&request, context: context)
        let values = AdminRulePage.Values(form: form, events: try await PostedForm.values("events", in: request))
        return (try await AdminViewer.load(context, services: services, resources: resources), values)
    }

    /// Saves the rule the values describe through the use case, which compiles it.
    private func save(_ kind: AdminRuleKind, _ values: AdminRulePage.Values, context: TenantContext) async throws {
        let (actor, tenant) = (context.identity.actor, context.identity.tenantID)
        let document = try values.document(kind)
        switch kind {
        case .trigger:
            _ = try await services.rules.saveTrigger(
                try AdminJSON.decode(Trigger.self, from: document), actor: actor, tenant: tenant)
        case .automation:
            _ = try await services.rules.saveAutomation(
                try AdminJSON.decode(Automation.self, from: document), actor: actor, tenant: tenant)
        }
    }

    private func editor(
        _ kind: AdminRuleKind, _ viewer: WebViewer, _ request: Request, existing: (key: String, title: LocalizedText)?,
        values: AdminRulePage.Values, error: AppError? = nil
    ) -> Response {
        let errors = error.map {
            AdminFormErrors($0, formFields: AdminRulePage.formFields, catalogue: viewer.catalogue)
        }
        let model = AdminRulePage(
            kind: kind, existing: existing, values: values, viewer: viewer, errors: errors ?? .none)
        return viewer.respond(
            "admin-rule", page: model, request: request, resources: resources,
            secureCookies: services.settings.secureCookies, status: error.map(AdminFormErrors.status) ?? .ok)
    }

}
