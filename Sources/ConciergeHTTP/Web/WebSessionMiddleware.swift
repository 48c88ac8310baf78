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
            let form = try await PostedForm.read(&request, context: context)
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

/// The session cookie of the web pages: the same one the JSON sign-in sets.
enum WebSessionCookie {
    static func make(secret: String, settings: HTTPSettings) -> Cookie {
        Cookie(
            name: AuthenticationMiddleware.cookieName, value: secret, maxAge: settings.sessionLifetimeSeconds,
            path: "/",
            secure: settings.secureCookies, httpOnly: true, sameSite: .lax)
    }

    static func clearing(secure: Bool) -> Cookie {
        Cookie(
            name: AuthenticationMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true,
            sameSite: .lax)
    }
}

/// The paths of the agent workspace.
enum AgentPaths {
    static let login = "/agent/login"
    static let tickets = "/agent/tickets"

    static func ticket(_ number: Int64) -> String { "/agent/tickets/\(number)" }

    /// The sign-in page that returns to `path` afterwards.
    static func login(returningTo path: String) -> String {
        guard let path = returnPath(path) else { return login }
        return "\(login)?next=\(AgentTicketFilters.encode(path))"
    }

    /// `path` when it is a workspace page of this site, else `nil`: the sign-in page must not
    /// become a redirector to other sites (`//evil.example`, `/\evil.example`).
    static func returnPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/agent/"), !path.hasPrefix(login), !path.contains("\\"),
            !path.contains("//"), path.count <= 2000
        else { return nil }
        return path
    }
}
