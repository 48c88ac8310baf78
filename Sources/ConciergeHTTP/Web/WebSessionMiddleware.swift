import ConciergeCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Guards the agent workspace: a request needs a valid session cookie, and a form post also
/// the session's CSRF token as the `csrf_token` field.
///
/// Without a valid session the browser is sent to the sign-in page (and a stale cookie is
/// removed) rather than shown a JSON 401. API tokens do not open the workspace: it is for
/// people. Requests count against the same per-user limit as the JSON API.
struct WebSessionMiddleware: RouterMiddleware {
    /// The most files one reply from the ticket page may carry.
    static let filesPerReply = 5

    typealias Context = AppRequestContext

    let services: HTTPServices

    func handle(
        _ request: Request, context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        // After signing in, a page that was asked for comes back (a form post does not).
        let signIn =
            request.method == .get ? AgentPaths.login(returningTo: request.uri.description) : AgentPaths.login
        guard let secret = request.cookies[AuthenticationMiddleware.cookieName]?.value else {
            return WebResponse.redirect(to: signIn)
        }
        guard let identity = try await services.authentication.identify(sessionSecret: secret),
            case .session(let csrfToken) = identity.credential
        else {
            var response = WebResponse.redirect(to: signIn)
            response.setCookie(WebSessionCookie.clearing(secure: services.settings.secureCookies))
            return response
        }
        var request = request
        if !AuthenticationMiddleware.isSafe(request.method) {
            // Room for the reply box's files: the most a reply may attach, and the text around them.
            let limit = max(context.maxUploadSize, services.attachments.maxBytes * Self.filesPerReply + 1 << 16)
            let form = try await PostedForm.read(&request, context: context, limit: limit)
            guard let sent = form["csrf_token"], SecretToken.equalInConstantTime(sent, csrfToken) else {
                throw AppError(
                    .forbidden, code: "csrf_token_invalid", message: "the form lacks the session's CSRF token")
            }
        }
        var context = context
        context.identity = identity
        context.logger[metadataKey: "tenant_id"] = "\(identity.tenantID)"
        let limit = services.settings.requestsPerMinute
        _ = try await services.limiter.enforce(
            "api:\(identity.actor)", limit: limit, window: .seconds(60),
            message: "more than \(limit) requests per minute")
        return try await next(request, context)
    }
}
