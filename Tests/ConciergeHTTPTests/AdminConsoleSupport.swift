import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Helpers for the admin console's router tests: an admin signed in, the JSON API read with
/// the same session, multipart posts.
extension AgentBrowser {
    /// A tenant with an admin signed in through the form (interface in `locale`, or the tenant's).
    static func signInAdmin(
        _ platform: Platform, _ client: any TestClientProtocol, locale: Tenant.Locale? = nil
    ) async throws -> AgentBrowser {
        try await signIn(platform, client, locale: locale, role: .admin)
    }

    /// Another browser: a colleague of `role` in this browser's tenant, signed in through the form.
    func colleague(_ platform: Platform, role: Role) async throws -> AgentBrowser {
        let email = "\(role.rawValue).\(UUID().uuidString.prefix(6).lowercased())@example.cn"
        let user = try await platform.users.create(
            .init(email: email, name: "同事", role: role, password: "colleague password"), grantedBy: .owner,
            actor: .system("t"), tenant: tenant)
        let form = try await client.page(.get, "/agent/login")
        let signIn = try await client.page(
            .post, "/agent/login",
            form: [
                "csrf_token": form.hiddenValue("csrf_token") ?? "", "tenant": slug, "email": email,
                "password": "colleague password",
            ],
            cookie: "concierge_login_csrf=\(form.cookie("concierge_login_csrf") ?? "")")
        let cookie = "concierge_session=\(signIn.cookie("concierge_session") ?? "")"
        let list = try await client.page(.get, "/agent/tickets", cookie: cookie)
        return AgentBrowser(
            client: client, cookie: cookie, csrfToken: list.hiddenValue("csrf_token") ?? "", tenant: tenant,
            slug: slug, user: user.id)
    }

    /// A JSON API request with this browser's session (and its CSRF header for writes).
    func api(_ method: HTTPRequest.Method, _ path: String, json: String? = nil) async throws -> (
        status: HTTPResponse.Status, body: [String: Any], headers: HTTPFields
    ) {
        var headers: HTTPFields = [.cookie: cookie]
        if method != .get { headers[HTTPField.Name("X-CSRF-Token")!] = csrfToken }
        return try await client.call(method, path, json: json, headers: headers)
    }

    /// Posts a multipart form: the CSRF token, `fields`, and one file.
    func postMultipart(
        _ path: String, fields: [String: String] = [:],
        file: (name: String, filename: String, type: String, bytes: [UInt8])
    ) async throws -> PageResponse {
        let boundary = "concierge-test-\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in ["csrf_token": csrfToken].merging(fields, uniquingKeysWith: { $1 }) {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n"
                .utf8)
        body += file.bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        return try await client.execute(
            uri: path, method: .post,
            headers: [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
            body: ByteBuffer(bytes: body)
        ) { response in
            PageResponse(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }
}

extension PageResponse {
    /// Where a redirect points.
    var location: String? { headers[.location] }

    /// The flash a redirect leaves for the next page.
    var flash: String? { cookie("concierge_flash") }

    /// Whether the page has an element marked `data-testid="<testID>"`.
    func has(_ testID: String) -> Bool { body.contains("data-testid=\"\(testID)\"") }

    /// The text of the element marked `data-testid="<testID>"` (up to its first tag).
    func text(_ testID: String) -> String? {
        guard let marker = body.range(of: "data-testid=\"\(testID)\"") else { return nil }
        let rest = body[marker.upperBound...].drop { $0 != ">" }.dropFirst()
        return String(rest.prefix { $0 != "<" })
    }
}

/// The smallest valid PNG (1×1, transparent) for logo uploads.
let onePixelPNG: [UInt8] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
]
