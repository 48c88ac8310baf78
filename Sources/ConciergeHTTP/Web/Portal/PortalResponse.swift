import HTTPTypes
import Hummingbird

/// Thrown by a handler to answer with a redirect (a page that needs a signed-in customer).
struct PortalRedirect: Error {
    let location: String
}

/// The portal's responses: the workspace's security headers, with a policy that allows no
/// script at all (the portal has none) and no referrer (a sign-in link's secret is in its URL).
enum PortalResponse {
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static var securityHeaders: HTTPFields {
        [
            .contentSecurityPolicy: contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            .referrerPolicy: "no-referrer",
            .cacheControl: "no-store",
        ]
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func redirect(to location: String) -> Response {
        var headers = securityHeaders
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
