import ConciergeCore
import ConciergeDomain
import Hummingbird

/// `/admin/sla`: SLA policies and business calendars (``ServiceLevelCatalog``). Both are saved
/// whole under their key, as the API's PUT does; creating one under a key that exists is
/// refused instead of replacing it. A calendar an SLA policy uses cannot be deleted.
struct AdminServiceLevelRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on console: RouterGroup<TenantContext>) {
        console.get("sla", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let tenant = viewer.identity.tenantID
            let model = AdminServiceLevelsPage(
                policies: try await services.serviceLevels.policies(tenant: tenant),
                calendars: try await services.serviceLevels.calendars(tenant: tenant), viewer: viewer)
            return viewer.respond(
                "admin-sla", page: model, request: request, resources: resources,
                secureCookies: services.settings.secureCookies)
        }
        registerCalendars(on: console)
        registerPolicies(on: console)
    }

    private func registerCalendars(on console: RouterGroup<TenantContext>) {
        console.get("sla/new-calendar", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            return calendarEditor(viewer, request, key: nil, values: .init())
        }
        console.post("sla/calendars", requires: .tenantWrite) { request, context in
            var request = request
            let values = AdminCalendarPage.Values(form: try await PostedForm.read(&request, context: context))
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            do {
                let existing = try await services.serviceLevels.calendars(tenant: context.identity.tenantID)
                if existing.contains(where: { $0.key == values.key }) { throw Self.keyTaken }
                return try await saveCalendar(values, context: context, flash: .adminCreated)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                return calendarEditor(viewer, request, key: nil, values: values, error: error)
            }
        }
        console.get("sla/calendars/:key", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let (key, calendar) = try await calendar(context)
            return calendarEditor(viewer, request, key: key, values: .init(key: key, calendar: calendar))
        }
        console.post("sla/calendars/:key", requires: .tenantWrite) { request, context in
            var request = request
            var values = AdminCalendarPage.Values(form: try await PostedForm.read(&request, context: context))
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let (key, _) = try await calendar(context)
            values.key = key
            do {
                return try await saveCalendar(values, context: context, flash: .adminSaved)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                return calendarEditor(viewer, request, key: key, values: values, error: error)
            }
        }
        console.post("sla/calendars/:key/delete", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let (key, calendar) = try await calendar(context)
            do {
                try await services.serviceLevels.deleteCalendar(
                    key: key, actor: context.identity.actor, tenant: context.identity.tenantID)
                return services.redirect(to: AdminPaths.serviceLevels, flash: .adminDeleted)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                return calendarEditor(
                    viewer, request, key: key, values: .init(key: key, calendar: calendar), error: error, onForm: false)
            }
        }
    }

    private func registerPolicies(on console: RouterGroup<TenantContext>) {
        console.get("sla/new-policy", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            return try await policyEditor(viewer, request, policy: nil, values: .init())
        }
        console.post("sla/policies", requires: .tenantWrite) { request, context in
            var request = request
            let values = AdminPolicyPage.Values(form: try await PostedForm.read(&request, context: context))
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            do {
                let existing = try await services.serviceLevels.policies(tenant: context.identity.tenantID)
                if existing.contains(where: { $0.key == values.key }) { throw Self.keyTaken }
                return try await savePolicy(values, context: context, flash: .adminCreated)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                return try await policyEditor(viewer, request, policy: nil, values: values, error: error)
            }
        }
        console.get("sla/policies/:key", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let policy = try await policy(context)
            return try await policyEditor(viewer, request, policy: policy, values: .init(policy))
        }
        console.post("sla/policies/:key", requires: .tenantWrite) { request, context in
            var request = request
            var values = AdminPolicyPage.Values(form: try await PostedForm.read(&request, context: context))
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let policy = try await policy(context)
            values.key = policy.key
            do {
                return try await savePolicy(values, context: context, flash: .adminSaved)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                return try await policyEditor(viewer, request, policy: policy, values: values, error: error)
            }
        }
        console.post("sla/policies/:key/delete", requires: .tenantWrite) { _, context in
            let policy = try await policy(context)
            try await services.serviceLevels.deletePolicy(
                key: policy.key, actor: context.identity.actor, tenant: context.identity.tenantID)
            return services.redirect(to: AdminPaths.serviceLevels, flash: .adminDeleted)
        }
    }

    static let keyTaken = AppError(.conflict, code: "key_taken", message: "the key is used", field: "key")

    private func calendar(_ context: TenantContext) async throws -> (String, BusinessCalendar) {
        let key = context.parameters.get("key") ?? ""
        guard
            let found = try await services.serviceLevels.calendars(tenant: context.identity.tenantID)
                .first(where: { $0.key == key })
        else { throw AppError.notFound("business calendar") }
        return (found.key, found.calendar)
    }

    private func policy(_ context: TenantContext) async throws -> SLAPolicy {
        let key = context.parameters.get("key") ?? ""
        guard
            let found = try await services.serviceLevels.policies(tenant: context.identity.tenantID)
                .first(where: { $0.key == key })
        else { throw AppError.notFound("SLA policy") }
        return found
    }

    private func saveCalendar(_ values: AdminCalendarPage.Values, context: TenantContext, flash: WebFlash)
        async throws -> Response
    {
        _ = try await services.serviceLevels.saveCalendar(
            values.draft, key: values.key, actor: context.identity.actor, tenant: context.identity.tenantID)
        return services.redirect(to: AdminPaths.calendar(values.key), flash: flash)
    }

    private func savePolicy(_ values: AdminPolicyPage.Values, context: TenantContext, flash: WebFlash)
        async throws -> Response
    {
        let saved = try await services.serviceLevels.savePolicy(
            try values.policy(), actor: context.identity.actor, tenant: context.identity.tenantID)
        return services.redirect(to: AdminPaths.policy(saved.policy.key), flash: flash)
    }

    private func calendarEditor(
        _ viewer: WebViewer, _ request: Request, key: String?, values: AdminCalendarPage.Values,
        error: AppError? = nil, onForm: Bool = true
    ) -> Response {
        let errors = error.map {
            AdminFormErrors($0, formFields: onForm ? AdminCalendarPage.formFields : [], catalogue: viewer.catalogue)
        }
        let model = AdminCalendarPage(key: key, values: values, viewer: viewer, errors: errors ?? .none)
        return viewer.respond(
            "admin-calendar", page: model, request: request, resources: resources,
            secureCookies: services.settings.secureCookies, status: error.map(AdminFormErrors.status) ?? .ok)
    }

    private func policyEditor(
        _ viewer: WebViewer, _ request: Request, policy: SLAPolicy?, values: AdminPolicyPage.Values,
        error: AppError? = nil
    ) async throws -> Response {
        let calendars = try await services.serviceLevels.calendars(tenant: viewer.identity.tenantID).map(\.key)
        let errors = error.map {
            AdminFormErrors($0, formFields: AdminPolicyPage.formFields, catalogue: viewer.catalogue)
        }
        let model = AdminPolicyPage(
            policy: policy, calendars: calendars, values: values, viewer: viewer, errors: errors ?? .none)
        return viewer.respond(
            "admin-policy", page: model, request: request, resources: resources,
            secureCookies: services.settings.secureCookies, status: error.map(AdminFormErrors.status) ?? .ok)
    }

}
