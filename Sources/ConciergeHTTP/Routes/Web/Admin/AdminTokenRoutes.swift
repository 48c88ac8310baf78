import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `/admin/tokens`: API tokens (``APITokenAdministration``): the list, a form that issues one,
/// and revoking. The secret of a new token is on the page that answers the form, once: it is
/// not stored, so that page is not a redirect and is never cached.
struct AdminTokenRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on console: RouterGroup<TenantContext>) {
        console.get("tokens", requires: .tokensManage) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            return try await list(viewer, request, values: .init())
        }
        console.post("tokens", requires: .tokensManage) { request, context in
            var request = request
            let form = try await PostedForm.read(&request, context: context)
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            do {
                let issued = try await services.tokens.issue(
                    name: form["name"] ?? "", role: try AdminUserRoutes.role(form["role"]),
                    expiresAt: try Self.expiry(form["expires_on"], dates: viewer.dates),
                    grantedBy: context.identity.role, actor: context.identity.actor, tenant: context.identity.tenantID)
                return viewer.respond(
                    "admin-token-issued", page: AdminTokenIssuedPage(issued, viewer: viewer), request: request,
                    resources: resources, secureCookies: services.settings.secureCookies, status: .created)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                let errors = AdminFormErrors(error, formFields: AdminTokensPage.formFields, catalogue: viewer.catalogue)
                return try await list(
                    viewer, request, values: .init(form: form), errors: errors,
                    status: AdminFormErrors.status(of: error))
            }
        }
        console.post("tokens/:id/revoke", requires: .tokensManage) { _, context in
            try await services.tokens.revoke(
                try context.id("id", of: "api token"), actor: context.identity.actor, tenant: context.identity.tenantID)
            return services.redirect(to: AdminPaths.tokens, flash: .adminRevoked)
        }
    }

    private func list(
        _ viewer: WebViewer, _ request: Request, values: AdminTokensPage.Values, errors: AdminFormErrors = .none,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let tenant = viewer.identity.tenantID
        let model = AdminTokensPage(
            tokens: try await services.tokens.list(tenant: tenant),
            userNames: try await WebDirectory.userNames(services, tenant: tenant), values: values, viewer: viewer,
            now: Date(), errors: errors)
        return viewer.respond(
            "admin-tokens", page: model, request: request, resources: resources,
            secureCookies: services.settings.secureCookies, status: status)
    }

    /// The end of the day a form names (`2026-12-31`, the tenant's calendar), `nil` for none.
    /// - Throws: `invalid_parameter` on `expires_at` for text that is not a date.
    static func expiry(_ text: String?, dates: WebDateFormat) throws -> Date? {
        guard let text, !text.isEmpty else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = dates.timeZone
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let asked = DateComponents(
            year: parts.first ?? nil, month: parts.dropFirst().first ?? nil, day: parts.last ?? nil)
        guard parts.count == 3, text.count == 10, let start = calendar.date(from: asked),
            calendar.dateComponents([.year, .month, .day], from: start) == asked
        else {
            throw AppError(
                .invalidInput, code: "invalid_parameter", message: "expires_at is not a date", field: "expires_at")
        }
        return calendar.date(byAdding: .day, value: 1, to: start)
    }
}
