import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `/admin/settings`: the tenant's name, time zone, language and brand colour
/// (``TenantAdministration/update(_:by:tenant:)``), and its logo (an upload, or removed).
struct AdminSettingsRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on console: RouterGroup<TenantContext>) {
        console.get("settings", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            return page(viewer, request, values: .init(viewer.tenant))
        }
        console.post("settings", requires: .tenantWrite) { request, context in
            var request = request
            let form = try await PostedForm.read(&request, context: context)
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            do {
                try await services.tenants.update(
                    try Self.change(from: form), by: context.identity.actor, tenant: context.identity.tenantID)
                return saved(.adminSaved)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                let errors = AdminFormErrors(
                    error, formFields: AdminSettingsPage.formFields, catalogue: viewer.catalogue)
                return page(
                    viewer, request, values: .init(form: form), errors: errors,
                    status: AdminFormErrors.status(of: error))
            }
        }
        console.post("settings/logo", requires: .tenantWrite) { request, context in
            var request = request
            _ = try await PostedForm.read(&request, context: context)
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let file = try await PostedForm.files(in: request).first { $0.name == "logo" }
            do {
                try await services.tenants.setLogo(
                    contentType: file?.contentType ?? "", bytes: file?.bytes ?? [], by: context.identity.actor,
                    tenant: context.identity.tenantID)
                return saved(.adminLogoSaved)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                let errors = AdminFormErrors(error, formFields: ["logo"], catalogue: viewer.catalogue)
                return page(
                    viewer, request, values: .init(viewer.tenant), logoErrors: errors,
                    status: AdminFormErrors.status(of: error))
            }
        }
        console.post("settings/logo/remove", requires: .tenantWrite) { _, context in
            try await services.tenants.removeLogo(by: context.identity.actor, tenant: context.identity.tenantID)
            return saved(.adminLogoRemoved)
        }
    }

    /// The change the settings form asks for. The form sends every field, so one left out is
    /// empty (a browser leaves out an empty one); an empty colour goes back to the product's.
    static func change(from form: [String: String]) throws -> TenantSettingsChange {
        guard let locale = Tenant.Locale(rawValue: form["locale"] ?? "") else {
            throw AppError(.invalidInput, code: "invalid_parameter", message: "locale is not valid", field: "locale")
        }
        let color = form["brand_color"]?.trimmingCharacters(in: .whitespaces) ?? ""
        return TenantSettingsChange(
            name: form["name"] ?? "", timeZone: form["time_zone"] ?? "", locale: locale,
            brandColor: .some(color.isEmpty ? nil : color))
    }

    private func saved(_ flash: WebFlash) -> Response {
        services.redirect(to: AdminPaths.settings, flash: flash)
    }

    private func page(
        _ viewer: WebViewer, _ request: Request, values: AdminSettingsPage.Values, errors: AdminFormErrors = .none,
        logoErrors: AdminFormErrors = .none, status: HTTPResponse.Status = .ok
    ) -> Response {
        let model = AdminSettingsPage(
            tenant: viewer.tenant, values: values, viewer: viewer, errors: errors, logoErrors: logoErrors)
        return viewer.respond(
            "admin-settings", page: model, request: request, resources: resources,
            secureCookies: services.settings.secureCookies, status: status)
    }
}
