import Foundation
import HTTPTypes
import Hummingbird

/// HTML responses and redirects of the web pages, each with the same security headers.
enum WebResponse {
    /// Scripts, styles and images only from this origin, never inline, never framed; forms post
    /// only here.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

    /// The headers every page and redirect carries.
    static var securityHeaders: HTTPFields {
        [
            .contentSecurityPolicy: contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            .referrerPolicy: "same-origin",
            .cacheControl: "no-store",
        ]
    }

    /// A rendered page.
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303 See Other to `location` (a path of this site), so the browser follows with GET.
    static func redirect(to location: String) -> Response {
        var headers = securityHeaders
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// 303 See Other to `location` with `flash` for the page it shows (post/redirect/get).
    static func redirect(to location: String, flash: WebFlash, secureCookies: Bool) -> Response {
        var response = redirect(to: location)
        response.setCookie(flash.cookie(secure: secureCookies))
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
