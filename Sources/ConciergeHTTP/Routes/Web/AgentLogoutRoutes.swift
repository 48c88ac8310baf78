import ConciergeCore
import Hummingbird

/// `POST /agent/logout`: ends the session (the middleware has checked its CSRF token) and
/// returns to the sign-in page.
struct AgentLogoutRoutes {
    let services: HTTPServices

    func register(on group: RouterGroup<TenantContext>) {
        group.post("logout") { request, _ in
            if let secret = request.cookies[AuthenticationMiddleware.cookieName]?.value {
                try await services.authentication.logout(sessionSecret: secret)
            }
            let secure = services.settings.secureCookies
            var response = WebResponse.redirect(to: AgentPaths.login)
            response.setCookie(WebSessionCookie.clearing(secure: secure))
            response.setCookie(WebFlash.signedOut.cookie(secure: secure))
            return response
        }
    }
}
