import ConciergeCore
import ConciergeDomain
import Hummingbird

/// `/admin/fields`: custom ticket fields (``FieldCatalog``): the list, a new field, and the
/// editor of one (its key and type stay as created); deactivating keeps stored values.
struct AdminFieldRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on console: RouterGroup<TenantContext>) {
        console.get("fields", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let model = AdminFieldsPage(
                fields: try await services.fields.fields(tenant: viewer.identity.tenantID), viewer: viewer)
            return viewer.respond(
                "admin-fields", page: model, request: request, resources: resources,
                secureCookies: services.settings.secureCookies)
        }
        console.get("fields/new", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            return editor(viewer, request, field: nil, values: .init())
        }
        console.post("fields", requires: .tenantWrite) { request, context in
            var request = request
            let values = AdminFieldPage.Values(form: try await PostedForm.read(&request, context: context))
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let tenant = context.identity.tenantID
            do {
                let count = try await services.fields.fields(tenant: tenant).count
                let created = try await services.fields.create(
                    try Self.definition(values, over: nil, position: count), actor: context.identity.actor,
                    tenant: tenant)
                return services.redirect(to: AdminPaths.field(created.id), flash: .adminCreated)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                return refused(viewer, request, field: nil, values: values, error: error)
            }
        }
        console.get("fields/:id", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let field = try await field(context)
            return editor(viewer, request, field: field, values: .init(field))
        }
        console.post("fields/:id", requires: .tenantWrite) { request, context in
            var request = request
            var values = AdminFieldPage.Values(form: try await PostedForm.read(&request, context: context))
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let field = try await field(context)
            // The key and type are shown, not posted: they never change.
            values.key = field.key
            values.type = field.type.rawValue
            do {
                let updated = try await services.fields.update(
                    try Self.definition(values, over: field, position: field.position), actor: context.identity.actor,
                    tenant: context.identity.tenantID)
                return services.redirect(to: AdminPaths.field(updated.id), flash: .adminSaved)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                return refused(viewer, request, field: field, values: values, error: error)
            }
        }
        for (path, active) in [("deactivate", false), ("activate", true)] {
            console.post("fields/:id/\(path)", requires: .tenantWrite) { _, context in
                var field = try await field(context)
                field.active = active
                _ = try await services.fields.update(
                    field, actor: context.identity.actor, tenant: context.identity.tenantID)
                return services.redirect(
                    to: AdminPaths.field(field.id), flash: active ? .adminActivated : .adminDeactivatedItem)
            }
        }
    }

    private func field(_ context: TenantContext) async throws -> CustomFieldDefinition {
        let id: CustomFieldID = try context.id("id", of: "custom field")
        return try await services.fields.field(id.description, tenant: context.identity.tenantID)
    }

    /// The definition the editor describes, over `existing` when editing.
    /// - Throws: `invalid_parameter` on `type` for a value no form offers, `invalid_number` on
    ///   `position`.
    static func definition(_ values: AdminFieldPage.Values, over existing: CustomFieldDefinition?, position: Int) throws
        -> CustomFieldDefinition
    {
        guard let type = CustomFieldType(rawValue: values.type) else {
            throw AppError(.invalidInput, code: "invalid_parameter", message: "type is not valid", field: "type")
        }
        let order = values.position.isEmpty ? position : try AdminInput.wholeNumber(values.position, field: "position")
        return CustomFieldDefinition(
            id: existing?.id ?? CustomFieldID(), key: values.key,
            labels: LocalizedText(zhCN: values.labelZh, en: values.labelEn), type: type,
            requiredOnCreate: values.requiredOnCreate, requiredToSolve: values.requiredToSolve,
            visibility: values.customerVisible ? .customer : .internal, options: values.parsedOptions,
            pattern: values.pattern.isEmpty ? nil : values.pattern, position: order, active: existing?.active ?? true)
    }

    private func refused(
        _ viewer: WebViewer, _ request: Request, field: CustomFieldDefinition?, values: AdminFieldPage.Values,
        error: AppError
    ) -> Response {
        let errors = AdminFormErrors(error, formFields: AdminFieldPage.formFields, catalogue: viewer.catalogue)
        return editor(
            viewer, request, field: field, values: values, errors: errors, status: AdminFormErrors.status(of: error))
    }

    private func editor(
        _ viewer: WebViewer, _ request: Request, field: CustomFieldDefinition?, values: AdminFieldPage.Values,
        errors: AdminFormErrors = .none, status: HTTPResponse.Status = .ok
    ) -> Response {
        viewer.respond(
            "admin-field", page: AdminFieldPage(field: field, values: values, viewer: viewer, errors: errors),
            request: request, resources: resources, secureCookies: services.settings.secureCookies, status: status)
    }

}
