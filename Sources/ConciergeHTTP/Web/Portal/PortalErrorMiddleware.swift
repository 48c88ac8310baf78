import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird
import Logging
import Mustache

/// The portal's failures as a page in the visitor's language (the `?lang=` choice, else the
/// browser's, else the tenant's), with the status kept: 404 for anything not found or not the
/// customer's, 403 for a form without a valid token, 413 for files too large, 429 when rate
/// limited. A page that needs a signed-in customer redirects to the sign-in page instead.
struct PortalErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let services: HTTPServices
    let resources: WebResources

    /// The frame of an error page: enough for the portal's layout (the navigation when the
    /// tenant is known).
    struct ErrorFrame {
        let lang: String
        let assetVersion: String
        let tenantName: String
        let tenantInitial: String
        let homeURL: String
        let hasNav: Bool
        let requestsURL: String
        let loginURL: String
        let signedIn = false
        let hasForms = false
    }

    struct ErrorPage {
        let title: String
        let message: String
        let homeURL: String
    }

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let redirect as PortalRedirect {
            return WebResponse.redirect(to: redirect.location, security: .portal)
        } catch {
            let status = ErrorEnvelope(error).status
            if status == .internalServerError {
                context.logger.error("portal page failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            let slug = context.parameters.get("tenant") ?? ""
            let tenant = try? await services.portal.tenant(slug: slug)
            let chosen =
                request.uri.queryParameters.get("lang").flatMap(PortalGate.locale)
                ?? request.cookies[PortalGate.languageCookie].flatMap { PortalGate.locale($0.value) }
            let locale = chosen ?? PortalGate.browserLocale(request) ?? tenant?.locale ?? .zhCN
            let catalogue = resources.catalogue(locale)
            let key =
                switch status {
                case .notFound: "portal_error_not_found"
                case .forbidden: "portal_error_forbidden"
                case .contentTooLarge: "portal_error_too_large"
                case .tooManyRequests: "portal_error_rate_limited"
                default: "portal_error_generic"
                }
            let paths = tenant.map { PortalPaths(slug: $0.slug.rawValue) }
            let home = paths?.home ?? "/"
            let frame = ErrorFrame(
                lang: catalogue.htmlLanguage, assetVersion: resources.assetVersion, tenantName: tenant?.name ?? "",
                tenantInitial: tenant?.name.first.map { String($0).uppercased() } ?? "", homeURL: home,
                hasNav: tenant != nil, requestsURL: paths?.requests ?? "", loginURL: paths?.login ?? "")
            let page = ErrorPage(
                title: catalogue.text("portal_error_title"),
                message: catalogue.text(key, ["requestID": context.requestID]), homeURL: home)
            let context: [String: Any] = ["t": catalogue.strings, "frame": frame, "page": page]
            var response = WebResponse.html(
                resources.render("portal-error", context: context), status: status, security: .portal)
            if let retry = (error as? AppError)?.retryAfterSeconds {
                response.headers[.retryAfter] = String(retry)
            }
            return response
        }
    }
}
