import ConciergeCore
import ConciergeDomain
import ConciergeHTTP
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SessionAndOperationsTests {
    @Test func loginIssuesAnHttpOnlyCookieThatRequiresTheCSRFTokenToWrite() async throws {
        try await withAPI { platform, client in
            // given a user with a password
            let tenant = try await platform.makeTenant()
            _ = try await platform.users.create(
                .init(email: "li@example.com", name: "李主管", role: .admin, password: "correct horse battery"),
                grantedBy: .owner, actor: .system("t"), tenant: tenant.tenant.id)
            // when they sign in
            let login = try await client.call(
                .post, "/api/v1/auth/login",
                json:
                    #"{"tenant":"\#(tenant.tenant.slug)","email":"LI@example.com","password":"correct horse battery"}"#)
            #expect(login.status == .ok)
            let setCookie = login.headers[.setCookie] ?? ""
            #expect(
                setCookie.contains("concierge_session=cns_") && setCookie.contains("HttpOnly")
                    && setCookie.contains("SameSite=Lax"))
            let cookie = String(setCookie.split(separator: ";")[0])
            let csrf = login.body["csrf_token"] as? String ?? ""
            // then the cookie reads, but writes need the CSRF token
            let me = try await client.call(.get, "/api/v1/me", headers: [.cookie: cookie])
            #expect(me.status == .ok && (me.body.object("user")["name"] as? String) == "李主管")
            let noCSRF = try await client.call(
                .post, "/api/v1/groups", json: #"{"key":"a","name":"A"}"#, headers: [.cookie: cookie])
            #expect(noCSRF.status == .forbidden && noCSRF.body.errorCode == "csrf_token_invalid")
            let withCSRF = try await client.call(
                .post, "/api/v1/groups", json: #"{"key":"a","name":"A"}"#,
                headers: [.cookie: cookie, .init("X-CSRF-Token")!: csrf])
            #expect(withCSRF.status == .created)
            // and logout ends the session
            #expect(
                try await client.call(.post, "/api/v1/auth/logout", headers: [.cookie: cookie]).status == .noContent)
            #expect(try await client.call(.get, "/api/v1/me", headers: [.cookie: cookie]).status == .unauthorized)
        }
    }

    @Test func failedLoginsAreRateLimitedPerAccount() async throws {
        try await withAPI(extra: ["CONCIERGE_LOGIN_MAX_FAILURES": "3"]) { platform, client in
            let tenant = try await platform.makeTenant()
            _ = try await platform.users.create(
                .init(email: "a@example.com", name: "A", role: .agent, password: "correct horse battery"),
                grantedBy: .owner, actor: .system("t"), tenant: tenant.tenant.id)
            let wrong = #"{"tenant":"\#(tenant.tenant.slug)","email":"a@example.com","password":"wrong password!"}"#
            for _ in 0..<3 {
                let response = try await client.call(.post, "/api/v1/auth/login", json: wrong)
                #expect(response.status == .unauthorized && response.body.errorCode == "invalid_credentials")
            }
            let blocked = try await client.call(
                .post, "/api/v1/auth/login",
                json: #"{"tenant":"\#(tenant.tenant.slug)","email":"a@example.com","password":"correct horse battery"}"#
            )
            #expect(blocked.status == .tooManyRequests && blocked.headers[.retryAfter] != nil)
            // an unknown tenant or email fails the same way as a wrong password
            let unknown = try await client.call(
                .post, "/api/v1/auth/login",
                json: #"{"tenant":"nope","email":"x@example.com","password":"whatever123"}"#)
            #expect(unknown.status == .unauthorized && unknown.body.errorCode == "invalid_credentials")
        }
    }

    @Test func deactivatingAUserEndsTheirSessions() async throws {
        try await withAPI { platform, client in
            let tenant = try await platform.makeTenant()
            let user = try await platform.users.create(
                .init(email: "a@example.com", name: "A", role: .agent, password: "correct horse battery"),
                grantedBy: .owner, actor: .system("t"), tenant: tenant.tenant.id)
            let login = try await client.call(
                .post, "/api/v1/auth/login",
                json: #"{"tenant":"\#(tenant.tenant.slug)","email":"a@example.com","password":"correct horse battery"}"#
            )
            let cookie = String((login.headers[.setCookie] ?? "").split(separator: ";")[0])
            let patched = try await client.call(
                .patch, "/api/v1/users/\(user.id)", token: tenant.adminToken.secret, json: #"{"status":"deactivated"}"#)
            #expect(patched.status == .ok)
            #expect(try await client.call(.get, "/api/v1/me", headers: [.cookie: cookie]).status == .unauthorized)
        }
    }

    @Test func everyRegisteredRouteIsInTheOpenAPIDocument() async throws {
        try await withTestPlatform { platform in
            // given the router and the served document
            let router = try await APIApplication.router(platform)
            let document = try JSONSerialization.jsonObject(with: try OpenAPIDocument.data()) as? [String: Any] ?? [:]
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            // then every route (`:id` written `{id}`) appears with its method
            for route in router.routes {
                let path =
                    "/"
                    + route.path.description.split(separator: "/").map { part in
                        part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
                    }.joined(separator: "/")
                // The HTML pages of the agent workspace, the admin console and the customer portal,
                // and their assets, are not part of the JSON API.
                let pages = ["/agent", "/admin", "/portal"]
                if pages.contains(where: { path == $0 || path.hasPrefix("\($0)/") }) || path.hasPrefix("/assets/") {
                    continue
                }
                let operations = paths[path] ?? [:]
                #expect(
                    operations[route.method.rawValue.lowercased()] != nil,
                    "\(route.method) \(path) is missing from openapi.json")
            }
            #expect(router.routes.count >= 20)
        }
    }
}
