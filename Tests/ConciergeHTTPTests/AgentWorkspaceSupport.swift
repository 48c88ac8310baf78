import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A signed-in browser for the agent workspace tests: its cookies and CSRF token.
struct AgentBrowser {
    let client: any TestClientProtocol
    let cookie: String
    let csrfToken: String
    let tenant: TenantID
    let user: UserID

    /// A tenant with a user of `role` (an agent by default; locale `locale`, or the tenant's),
    /// signed in through the form.
    static func signIn(
        _ platform: Platform, _ client: any TestClientProtocol, locale: Tenant.Locale? = nil, role: Role = .agent
    ) async throws -> AgentBrowser {
        let tenant = try await platform.makeTenant().tenant
        let user = try await platform.users.create(
            .init(email: "zhang@example.cn", name: "张坐席", role: role, password: "correct horse battery"),
            grantedBy: .owner, actor: .system("t"), tenant: tenant.id)
        if let locale {
            _ = try await platform.users.update(
                user.id, .init(locale: locale), grantedBy: .owner, actor: .system("t"), tenant: tenant.id)
        }
        let form = try await client.page(.get, "/agent/login")
        let loginCSRF = form.cookie("concierge_login_csrf") ?? ""
        let signIn = try await client.page(
            .post, "/agent/login",
            form: [
                "csrf_token": form.hiddenValue("csrf_token") ?? "", "tenant": tenant.slug.description,
                "email": "zhang@example.cn", "password": "correct horse battery",
            ],
            cookie: "concierge_login_csrf=\(loginCSRF)")
        let cookie = "concierge_session=\(signIn.cookie("concierge_session") ?? "")"
        let list = try await client.page(.get, "/agent/tickets", cookie: cookie)
        return AgentBrowser(
            client: client, cookie: cookie, csrfToken: list.hiddenValue("csrf_token") ?? "", tenant: tenant.id,
            user: user.id)
    }

    func get(_ path: String, extraCookie: String? = nil) async throws -> PageResponse {
        try await client.page(.get, path, cookie: [cookie, extraCookie].compactMap { $0 }.joined(separator: "; "))
    }

    func post(_ path: String, _ fields: [String: String], withToken: Bool = true) async throws -> PageResponse {
        var fields = fields
        if withToken { fields["csrf_token"] = csrfToken }
        return try await client.page(.post, path, form: fields, cookie: cookie)
    }

    /// Posts `fields` in order, names repeated as browsers post ticked checkboxes.
    func post(_ path: String, pairs fields: [(String, String)]) async throws -> PageResponse {
        let body = ([("csrf_token", csrfToken)] + fields).map { "\($0.0)=\(FormEncoding.encode($0.1))" }
            .joined(separator: "&")
        return try await client.execute(
            uri: path, method: .post,
            headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body)
        ) { response in
            PageResponse(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }
}

/// A page response: status, headers and body text.
struct PageResponse {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String

    /// The value a `Set-Cookie` header gives `name`.
    func cookie(_ name: String) -> String? {
        headers[values: .setCookie].lazy.compactMap { header -> String? in
            let pair = header.split(separator: ";")[0].split(
                separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return pair.count == 2 && pair[0] == name ? String(pair[1]) : nil
        }.first
    }

    /// The target of the link marked `data-testid="<testID>"`, unescaped.
    func link(_ testID: String) -> String? {
        guard let marker = body.range(of: "data-testid=\"\(testID)\""),
            let start = body[..<marker.lowerBound].range(of: "href=\"", options: .backwards)
        else { return nil }
        return String(body[start.upperBound...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
    }

    /// How many ticket rows the list shows.
    var rowCount: Int { body.components(separatedBy: "data-testid=\"ticket-row\"").count - 1 }

    /// The value of the first hidden input called `name`.
    func hiddenValue(_ name: String) -> String? {
        guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// Percent-encoding for query values in tests (everything but unreserved characters).
enum FormEncoding {
    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}

extension TestClientProtocol {
    /// Sends a browser-like request (a form body when `form` is given).
    func page(
        _ method: HTTPRequest.Method, _ path: String, form: [String: String]? = nil, cookie: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> PageResponse {
        var headers = extra
        if let cookie { headers[.cookie] = cookie }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(
                string: form.map { "\($0.key)=\(FormEncoding.encode($0.value))" }
                    .joined(separator: "&"))
        }
        return try await execute(uri: path, method: method, headers: headers, body: body) { response in
            PageResponse(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }
}
