import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `/agent/login`: the sign-in form and its post. A successful sign-in sets the same session
/// cookie as `POST /api/v1/auth/login` and goes to the page that was asked for (`next`, a
/// workspace path) or the ticket list.
///
/// The form has no session yet to take a CSRF token from, so it uses a double-submit token: a
/// random value in a `SameSite=Strict` cookie that the form must echo.
struct AgentLoginRoutes {
    let services: HTTPServices
    let resources: WebResources

    static let csrfCookieName = "concierge_login_csrf"

    struct LoginPage {
        let tenant: String
        let email: String
        let error: String?
        /// The workspace page to open after signing in, if one was asked for.
        let next: String?
    }

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("login") { request, _ in
            let query = PublicPage.formFields(request.uri.query ?? "")
            let login = LoginPage(
                tenant: query["tenant"] ?? "", email: "", error: nil, next: AgentPaths.returnPath(query["next"]))
            return page(request, login, status: .ok)
        }
        group.post("login") { request, context in try await login(request, context) }
    }

    private func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await PostedForm.read(&request, context: context)
        let catalogue = catalogue(request)
        let tenant = form["tenant"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let email = form["email"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let next = AgentPaths.returnPath(form["next"])
        guard let expected = request.cookies[Self.csrfCookieName]?.value, let sent = form["csrf_token"],
            SecretToken.equalInConstantTime(sent, expected)
        else {
            let retry = LoginPage(
                tenant: tenant, email: email, error: catalogue.text("login_form_expired"), next: next)
            return page(request, retry, status: .forbidden)
        }
        do {
            let result = try await services.authentication.login(
                tenant: tenant, email: email, password: form["password"] ?? "", clientAddress: context.clientAddress)
            var response = WebResponse.redirect(to: next ?? AgentPaths.tickets)
            response.setCookie(WebSessionCookie.make(secret: result.sessionSecret, settings: services.settings))
            response.setCookie(loginCookie(value: "", maxAge: 0))
            return response
        } catch let error as AppError where error.category == .unauthenticated || error.category == .rateLimited {
            let limited = error.category == .rateLimited
            let retry = LoginPage(
                tenant: tenant, email: email, error: catalogue.text(limited ? "login_rate_limited" : "login_failed"),
                next: next)
            return page(request, retry, status: limited ? .tooManyRequests : .unauthorized)
        }
    }

    /// The sign-in form with a fresh double-submit token (and the flash, e.g. "signed out").
    private func page(_ request: Request, _ login: LoginPage, status: HTTPResponse.Status) -> Response {
        let token = SecretToken.generate(prefix: "")
        let flash = WebFlash.carried(by: request)
        let catalogue = catalogue(request)
        let frame = WebFrame(
            resources: resources, catalogue: catalogue, csrfToken: token, userName: nil,
            flash: flash?.shown(catalogue))
        var response = WebResponse.html(resources.render("login", page: login, frame: frame), status: status)
        response.setCookie(loginCookie(value: token, maxAge: 3600))
        if flash != nil { response.setCookie(WebFlash.clearingCookie(secure: services.settings.secureCookies)) }
        return response
    }

    /// Before sign-in only the browser's language is known.
    private func catalogue(_ request: Request) -> WebCatalogue {
        resources.catalogue(PublicPage.prefersEnglish(request) ? .en : .zhCN)
    }

    private func loginCookie(value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: Self.csrfCookieName, value: value, maxAge: maxAge, path: AgentPaths.login,
            secure: services.settings.secureCookies, httpOnly: true, sameSite: .strict)
    }
}
