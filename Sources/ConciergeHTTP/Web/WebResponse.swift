import Foundation
import HTTPTypes
import Hummingbird

/// HTML responses and redirects of the web pages, each with the security headers of its kind
/// of page (``PageSecurity``).
enum WebResponse {
    /// The headers every page and redirect of `security`'s kind carries.
    static func securityHeaders(_ security: PageSecurity = .workspace) -> HTTPFields {
        [
            .contentSecurityPolicy: security.contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            .referrerPolicy: security.referrerPolicy,
            .cacheControl: "no-store",
        ]
    }

    /// A rendered page.
    static func html(_ html: String, status: HTTPResponse.Status = .ok, security: PageSecurity = .workspace)
        -> Response
    {
        var headers = securityHeaders(security)
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303 See Other to `location` (a path of this site), so the browser follows with GET.
    static func redirect(to location: String, security: PageSecurity = .workspace) -> Response {
        var headers = securityHeaders(security)
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

}

extension HTTPServices {
    /// 303 See Other to `location` with `flash` for the page it shows (post/redirect/get), and
    /// the key of the form field it is about, if any; the cookie is `Secure` as configured.
    func redirect(to location: String, flash: WebFlash, field: String? = nil) -> Response {
        var response = WebResponse.redirect(to: location)
        response.setCookie(flash.cookie(secure: settings.secureCookies, field: field))
        return response
    }
}

/// The policies of a kind of page: the workspace and console (their own script, same-origin
/// referrer) or the customer portal (no script at all, and no referrer: a sign-in link's secret
/// is in its URL).
struct PageSecurity {
    let contentSecurityPolicy: String
    let referrerPolicy: String

    /// Scripts, styles and images only from this origin, never inline, never framed; forms post
    /// only here.
    static let workspace = PageSecurity(
        contentSecurityPolicy:
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        referrerPolicy: "same-origin")

    /// No script, styles and images from this origin, never framed, no referrer.
    static let portal = PageSecurity(
        contentSecurityPolicy:
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        referrerPolicy: "no-referrer")
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
