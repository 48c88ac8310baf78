import ConciergeCore
import Foundation
import Hummingbird

/// Signing in and out of the web UI with email and password; the session travels in an
/// HttpOnly cookie, and the CSRF token in the response body.
struct AuthRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<AppRequestContext>) {
        api.post("auth/login") { request, context in try await login(request, context) }
        api.post("auth/logout") { request, _ in try await logout(request) }
    }

    private func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeBody(as: LoginBody.self, context: context)
        let address = context.clientAddress
        let result = try await services.authentication.login(
            tenant: body.tenant, email: body.email, password: body.password, clientAddress: address)
        struct Body: ResponseEncodable {
            var user: UserRepresentation
            var csrfToken: String
            var expiresAt: Date
        }
        var response = try APIJSONEncoder().encode(
            Body(
                user: UserRepresentation(result.user), csrfToken: result.session.csrfToken,
                expiresAt: result.session.expiresAt),
            from: request, context: context)
        response.setCookie(
            Cookie(
                name: AuthenticationMiddleware.cookieName, value: result.sessionSecret,
                maxAge: services.settings.sessionLifetimeSeconds, path: "/", secure: services.settings.secureCookies,
                httpOnly: true, sameSite: .lax))
        return response
    }

    private func logout(_ request: Request) async throws -> Response {
        if let secret = request.cookies[AuthenticationMiddleware.cookieName]?.value {
            try await services.authentication.logout(sessionSecret: secret)
        }
        var response = Response(status: .noContent)
        response.setCookie(
            Cookie(
                name: AuthenticationMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                secure: services.settings.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }
}
