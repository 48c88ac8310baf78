import ConciergeCore
import ConciergeDomain
import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// Resolves portal requests and builds their responses: the one place that reads the portal's
/// cookies, checks form tokens, picks the language and sets the security headers.
///
/// Cookies, all `HttpOnly` and scoped to `/portal/{tenant}`:
/// - `concierge_portal`: the session secret (`SameSite=Lax`, `Secure` unless cookies are
///   configured insecure for local http);
/// - `concierge_portal_csrf`: the double-submit token of the forms a visitor posts before
///   signing in (`SameSite=Strict`);
/// - `concierge_portal_lang`: the language chosen with `?lang=`;
/// - `concierge_portal_flash`: a one-shot message key.
struct PortalGate {
    static let sessionCookie = "concierge_portal"
    static let formCookie = "concierge_portal_csrf"
    static let languageCookie = "concierge_portal_lang"

    let services: HTTPServices
    let resources: WebResources

    /// The visit of `request` to the portal named by the path's `tenant`.
    /// - Throws: `notFound` for an unknown or suspended tenant.
    func visit(_ request: Request, _ context: some RequestContext) async throws -> PortalVisit {
        let tenant = try await services.portal.tenant(slug: context.parameters.get("tenant") ?? "")
        let paths = PortalPaths(slug: tenant.slug.rawValue)
        var visitor: PortalVisitor?
        var sessionSecret: String?
        if let secret = request.cookies[Self.sessionCookie]?.value, !secret.isEmpty {
            visitor = try await services.portal.visitor(tenant: tenant, sessionSecret: secret)
            if visitor != nil { sessionSecret = secret }
        }
        let chosen = request.uri.queryParameters.get("lang").flatMap(Self.locale)
        let remembered = request.cookies[Self.languageCookie].flatMap { Self.locale($0.value) }
        let browser = Self.browserLocale(request)
        let locale = chosen ?? remembered ?? visitor?.customer.locale ?? browser ?? tenant.locale
        let existingToken = request.cookies[Self.formCookie]?.value ?? ""
        return PortalVisit(
            tenant: tenant, visitor: visitor, sessionSecret: sessionSecret,
            catalogue: resources.catalogue(locale), dates: WebDateFormat(timeZoneIdentifier: tenant.timeZone),
            paths: paths, flash: PortalFlash.carried(by: request),
            formToken: existingToken.count >= 32 ? existingToken : SecretToken.generate(prefix: ""),
            hadFormToken: existingToken.count >= 32, chosenLocale: chosen, uri: request.uri.description)
    }

    /// The browser's preference between the portal's two languages, when it states one.
    static func browserLocale(_ request: Request) -> Tenant.Locale? {
        let languages = request.headers[.acceptLanguage]?.lowercased() ?? ""
        guard languages.contains("zh") || languages.contains("en") else { return nil }
        return PublicPage.prefersEnglish(request) ? .en : .zhCN
    }

    static func locale(_ text: String) -> Tenant.Locale? {
        switch text.lowercased() {
        case "en", "en-us", "en-gb": .en
        case "zh", "zh-cn", "zh-hans": .zhCN
        default: nil
        }
    }

    /// The signed-in customer, or a redirect to the sign-in page that comes back here (a GET)
    /// or to the portal's home (a post).
    func visitor(_ visit: PortalVisit, _ request: Request) throws -> PortalVisitor {
        guard let visitor = visit.visitor else {
            let back = request.method == .get ? visit.uri : nil
            throw PortalRedirect(location: visit.paths.login(returningTo: back))
        }
        return visitor
    }

    /// The text fields of a posted form, after checking its token: a signed-in visitor's forms
    /// carry the session's token; `anonymous` forms (sign-in, a request without an account)
    /// may carry the double-submit token instead.
    /// - Throws: `forbidden` (`csrf_token_invalid`) when neither matches.
    func form(
        _ request: inout Request, _ context: some RequestContext, _ visit: PortalVisit, anonymous: Bool,
        limit: Int? = nil
    ) async throws -> [String: String] {
        let fields = try await PostedForm.read(&request, context: context, limit: limit)
        let sent = fields["csrf_token"] ?? ""
        var valid = false
        if let visitor = visit.visitor, SecretToken.equalInConstantTime(sent, visitor.csrfToken) { valid = true }
        if anonymous, visit.hadFormToken, SecretToken.equalInConstantTime(sent, visit.formToken) { valid = true }
        guard valid, !sent.isEmpty else {
            throw AppError(.forbidden, code: "csrf_token_invalid", message: "the form lacks a valid token")
        }
        return fields
    }

    /// The largest body a form with files may send: the files a reply may carry and the text
    /// around them.
    var uploadLimit: Int { services.attachments.maxBytes * CustomerPortal.filesPerReply + (1 << 16) }

    /// Renders `template` with `page` in the visit's frame, showing (and clearing) its flash.
    func page(_ template: String, _ page: Any, _ visit: PortalVisit, status: HTTPResponse.Status = .ok) -> Response {
        let frame = PortalFrame(visit, resources: resources, site: nil)
        return render(template, page, frame: frame, visit: visit, status: status)
    }

    /// ``page(_:_:_:status:)`` with the tenant's forms known (the header's "submit a request").
    func page(
        _ template: String, _ page: Any, _ visit: PortalVisit, site: PortalSite, status: HTTPResponse.Status = .ok
    ) -> Response {
        render(
            template, page, frame: PortalFrame(visit, resources: resources, site: site), visit: visit, status: status)
    }

    private func render(
        _ template: String, _ page: Any, frame: PortalFrame, visit: PortalVisit, status: HTTPResponse.Status
    ) -> Response {
        let context: [String: Any] = ["t": visit.catalogue.strings, "frame": frame, "page": page]
        let html = resources.render(template, context: context)
        var response = WebResponse.html(html, status: status, security: .portal)
        let secure = services.settings.secureCookies
        if visit.flash != nil {
            response.setCookie(PortalFlash.clearingCookie(path: visit.paths.cookiePath, secure: secure))
        }
        if visit.visitor == nil {
            response.setCookie(
                Cookie(
                    name: Self.formCookie, value: visit.formToken, maxAge: 86400, path: visit.paths.cookiePath,
                    secure: secure, httpOnly: true, sameSite: .strict))
        }
        remember(visit, on: &response)
        return response
    }

    /// 303 to `location` (a path of this site), with a flash for the next page.
    func redirect(_ location: String, _ visit: PortalVisit, flash: PortalFlash? = nil) -> Response {
        var response = WebResponse.redirect(to: location, security: .portal)
        if let flash {
            response.setCookie(flash.cookie(path: visit.paths.cookiePath, secure: services.settings.secureCookies))
        }
        remember(visit, on: &response)
        return response
    }

    /// Keeps a language chosen with `?lang=` for a year.
    private func remember(_ visit: PortalVisit, on response: inout Response) {
        guard let chosen = visit.chosenLocale else { return }
        response.setCookie(
            Cookie(
                name: Self.languageCookie, value: chosen.rawValue, maxAge: 365 * 86400, path: visit.paths.cookiePath,
                secure: services.settings.secureCookies, httpOnly: true, sameSite: .lax))
    }

    func sessionCookie(_ secret: String, visit: PortalVisit, maxAge: Int) -> Cookie {
        Cookie(
            name: Self.sessionCookie, value: secret, maxAge: maxAge, path: visit.paths.cookiePath,
            secure: services.settings.secureCookies, httpOnly: true, sameSite: .lax)
    }
}
