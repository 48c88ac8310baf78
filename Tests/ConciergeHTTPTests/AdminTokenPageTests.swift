import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The console's API tokens: issued with the secret shown once, listed without it, revoked.
@Suite struct AdminTokenPageTests {
    @Test func agentsMayNotManageTokens() async throws {
        try await withAPI { platform, client in
            let agent = try await AgentBrowser.signIn(platform, client)
            #expect(try await agent.get("/admin/tokens").status == .forbidden)
            #expect(try await agent.post("/admin/tokens", ["name": "mine", "role": "agent"]).status == .forbidden)
            let token = try await platform.tokens.list(tenant: agent.tenant).first
            let id = try #require(token?.id)
            #expect(try await agent.post("/admin/tokens/\(id)/revoke", [:]).status == .forbidden)
            #expect(try await platform.tokens.list(tenant: agent.tenant).first?.revokedAt == nil)
        }
    }

    @Test func aTokenFormWithoutTheCSRFTokenIsRefused() async throws {
        try await withAPI { platform, client in
            let admin = try await AgentBrowser.signInAdmin(platform, client)
            let refused = try await admin.post("/admin/tokens", ["name": "ERP", "role": "agent"], withToken: false)
            #expect(refused.status == .forbidden)
            #expect(try await platform.tokens.list(tenant: admin.tenant).count == 1)
        }
    }

    @Test func refusedTokensShowTheReasonByTheField() async throws {
        try await withAPI { platform, client in
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            let unnamed = try await admin.post("/admin/tokens", ["name": " ", "role": "agent"])
            #expect(unnamed.status == .unprocessableContent)
            #expect(unnamed.text("error-name") == "This is required.")
            let past = try await admin.post(
                "/admin/tokens", ["name": "ERP", "role": "agent", "expires_on": "2020-01-31"])
            #expect(past.text("error-expires_at") == "Choose a day in the future.")
            #expect(past.body.contains(#"value="2020-01-31""#))
            let impossible = try await admin.post(
                "/admin/tokens", ["name": "ERP", "role": "agent", "expires_on": "2031-02-30"])
            #expect(impossible.text("error-expires_at") == "Choose a value from the list.")
            let owner = try await admin.post("/admin/tokens", ["name": "ERP", "role": "owner"])
            #expect(owner.status == .forbidden)
            #expect(owner.text("form-error") == "Your role may not do this.")
            #expect(try await platform.tokens.list(tenant: admin.tenant).count == 1)
        }
    }

    @Test func theSecretIsShownOnceWorksAndStopsWhenRevoked() async throws {
        try await withAPI { platform, client in
            // given an admin
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            // when they issue a token for a year
            let issued = try await admin.post(
                "/admin/tokens", ["name": "ERP <sync>", "role": "agent", "expires_on": "2099-12-31"])
            // then the answer shows its secret, and is not kept by any cache
            #expect(issued.status == .created)
            #expect(issued.headers[.cacheControl] == "no-store")
            let secret = try #require(issued.text("token-secret"))
            #expect(secret.hasPrefix("cnc_"))
            #expect(issued.body.contains("ERP &lt;sync&gt;"))
            // and the secret works against the API with the token's role
            let me = try await client.call(.get, "/api/v1/me", token: secret)
            #expect(me.body["role"] as? String == "agent")
            let token = try #require(
                try await admin.api(.get, "/api/v1/api-tokens").body["api_tokens"] as? [[String: Any]]
            )
            .first { $0["name"] as? String == "ERP <sync>" }
            // the end of the day in the tenant's zone (Asia/Shanghai)
            #expect(token?["expires_at"] as? String == "2099-12-31T16:00:00Z")
            // and the list shows the token, never its secret
            let list = try await admin.get("/admin/tokens")
            #expect(list.body.contains("ERP &lt;sync&gt;"))
            #expect(list.body.contains(String(secret.prefix(10))))
            #expect(list.body.contains(secret) == false)
            // when it is revoked
            let id = try #require(token?["id"] as? String)
            let revoked = try await admin.post("/admin/tokens/\(id)/revoke", [:])
            #expect(revoked.status == .seeOther)
            #expect(revoked.flash == "admin_revoked")
            // then it stops working and the list says so
            #expect(try await client.call(.get, "/api/v1/me", token: secret).status == .unauthorized)
            #expect(try await admin.get("/admin/tokens").body.contains("Revoked "))
        }
    }
}
