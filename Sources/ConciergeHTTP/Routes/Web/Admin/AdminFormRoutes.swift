import ConciergeCore
import ConciergeDomain
import Hummingbird

/// `/admin/forms`: ticket forms (``FieldCatalog``): which custom fields a ticket of which type
/// asks for. The list, a new form, and the editor of one (its key stays as created).
struct AdminFormRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on console: RouterGroup<TenantContext>) {
        console.get("forms", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let tenant = viewer.identity.tenantID
            let model = AdminFormsPage(
                forms: try await services.fields.forms(tenant: tenant),
                fields: try await services.fields.fields(tenant: tenant), viewer: viewer)
            return viewer.respond(
                "admin-forms", page: model, request: request, resources: resources,
                secureCookies: services.settings.secureCookies)
        }
        console.get("forms/new", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            return try await editor(viewer, request, form: nil, values: .init())
        }
        console.post("forms", requires: .tenantWrite) { request, context in
            let (viewer, values) = try await read(request, context)
            do {
                let created = try await services.fields.create(
                    try Self.form(values, over: nil), actor: context.identity.actor, tenant: context.identity.tenantID)
                return services.redirect(to: AdminPaths.form(created.id), flash: .adminCreated)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                return try await refused(viewer, request, form: nil, values: values, error: error)
            }
        }
        console.get("forms/:id", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let form = try await form(context)
            return try await editor(viewer, request, form: form, values: .init(form))
        }
        console.post("forms/:id", requires: .tenantWrite) { request, context in
            var (viewer, values) = try await read(request, context)
            let form = try await form(context)
            values.key = form.key
            do {
                let updated = try await services.fields.update(
                    try Self.form(values, over: form), actor: context.identity.actor, tenant: context.identity.tenantID)
                return services.redirect(to: AdminPaths.form(updated.id), flash: .adminSaved)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                return try await refused(viewer, request, form: form, values: values, error: error)
            }
        }
    }

    private func read(_ request: Request, _ context: TenantContext) async throws -> (WebViewer, AdminFormPage.Values) {
        var request = request
        let form = try await PostedForm.read(&request, context: context)
        let values = AdminFormPage.Values(
            form: form, ticketTypes: try await PostedForm.values("ticket_types", in: request),
            fieldKeys: try await PostedForm.values("field_keys", in: request))
        return (try await AdminViewer.load(context, services: services, resources: resources), values)
    }

    private func form(_ context: TenantContext) async throws -> TicketForm {
        let id: TicketFormID = try context.id("id", of: "ticket form")
        return try await services.fields.form(id.description, tenant: context.identity.tenantID)
    }

    /// The form the editor describes, over `existing` when editing.
    /// - Throws: `invalid_parameter` on `ticket_types` for a type no form offers.
    static func form(_ values: AdminFormPage.Values, over existing: TicketForm?) throws -> TicketForm {
        var types: [TicketType] = []
        for text in values.ticketTypes.sorted() {
            guard let type = TicketType(rawValue: text) else {
                throw AppError(
                    .invalidInput, code: "invalid_parameter", message: "ticket_types is not valid",
                    field: "ticket_types")
            }
            types.append(type)
        }
        return TicketForm(
            id: existing?.id ?? TicketFormID(), key: values.key,
            names: LocalizedText(zhCN: values.nameZh, en: values.nameEn),
            ticketTypes: TicketType.allCases.filter(types.contains), fieldKeys: values.fieldKeys,
            isDefault: values.isDefault, active: values.active)
    }

    private func refused(
        _ viewer: WebViewer, _ request: Request, form: TicketForm?, values: AdminFormPage.Values, error: AppError
    ) async throws -> Response {
        let errors = AdminFormErrors(error, formFields: AdminFormPage.formFields, catalogue: viewer.catalogue)
        return try await editor(
            viewer, request, form: form, values: values, errors: errors, status: AdminFormErrors.status(of: error))
    }

    private func editor(
        _ viewer: WebViewer, _ request: Request, form: TicketForm?, values: AdminFormPage.Values,
        errors: AdminFormErrors = .none, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let fields = try await services.fields.fields(tenant: viewer.identity.tenantID)
        let model = AdminFormPage(form: form, fields: fields, values: values, viewer: viewer, errors: errors)
        return viewer.respond(
            "admin-form", page: model, request: request, resources: resources,
            secureCookies: services.settings.secureCookies, status: status)
    }

}
