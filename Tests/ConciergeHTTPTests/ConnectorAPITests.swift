import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ConnectorAPITests {
    static let extra = ["CONCIERGE_SECRET_KEYS": "k1:\(Data(repeating: 9, count: 32).base64EncodedString())"]
    static let webhook = """
        {"key":"crm-hook","kind":"webhook","name":"CRM 回调","settings":{"url":"https://crm.example.cn/hooks"},
         "secrets":{"signing_secret":"never-shown-7f3a"},"events":["ticket.created","ticket.sla_breached"]}
        """

    @Test func connectorsAreManagedWithWriteOnlySecrets() async throws {
        try await withAPI(extra: Self.extra) { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            // when an admin creates a webhook connector
            let created = try await client.call(.post, "/api/v1/connectors", token: token, json: Self.webhook)
            #expect(created.status == .created)
            let connector = created.body.object("connector")
            #expect(connector["secrets"] as? [String: String] == ["signing_secret": "set"])
            #expect(connector["rate_limit_per_minute"] as? Int == 6000)
            // then no answer ever carries the secret
            for path in ["/api/v1/connectors", "/api/v1/connectors/crm-hook"] {
                let read = try await client.call(.get, path, token: token)
                #expect(read.status == .ok)
                let text = String(data: try JSONSerialization.data(withJSONObject: read.body), encoding: .utf8) ?? ""
                #expect(!text.contains("never-shown-7f3a"))
            }
            // and a change keeps the secret unless it is named
            let changed = try await client.call(
                .patch, "/api/v1/connectors/crm-hook", token: token, json: #"{"enabled":false}"#)
            #expect(changed.status == .ok)
            #expect(changed.body.object("connector")["enabled"] as? Bool == false)
            #expect(changed.body.object("connector")["secrets"] as? [String: String] == ["signing_secret": "set"])
            let dropped = try await client.call(
                .patch, "/api/v1/connectors/crm-hook", token: token, json: #"{"secrets":{"signing_secret":null}}"#)
            #expect(dropped.status == .badRequest)
            #expect((dropped.body["error"] as? [String: Any])?["field"] as? String == "secrets.signing_secret")
            // and the log starts empty; a duplicate key conflicts; delete answers 204
            let log = try await client.call(
                .get, "/api/v1/connectors/crm-hook/deliveries?status=failed,quarantined", token: token)
            #expect(log.status == .ok && (log.body["deliveries"] as? [Any])?.isEmpty == true)
            #expect(
                try await client.call(.post, "/api/v1/connectors", token: token, json: Self.webhook).status == .conflict
            )
            #expect(try await client.call(.delete, "/api/v1/connectors/crm-hook", token: token).status == .noContent)
            #expect(try await client.call(.get, "/api/v1/connectors/crm-hook", token: token).status == .notFound)
        }
    }

    @Test func agentsAndOtherTenantsCannotReachConnectors() async throws {
        try await withAPI(extra: Self.extra) { platform, client in
            let owner = try await platform.makeTenant()
            let other = try await platform.makeTenant()
            let agent = try await platform.tokens.issue(
                name: "agent", role: .agent, grantedBy: .admin, actor: .system("t"), tenant: owner.tenant.id)
            let created = try await client.call(
                .post, "/api/v1/connectors", token: owner.adminToken.secret, json: Self.webhook)
            let id = created.body.object("connector")["id"] as? String ?? ""
            #expect(try await client.call(.get, "/api/v1/connectors", token: agent.secret).status == .forbidden)
            #expect(
                try await client.call(.get, "/api/v1/connectors/\(id)", token: other.adminToken.secret).status
                    == .notFound)
            #expect(
                try await client.call(
                    .post, "/api/v1/connector-deliveries/\(UUID().uuidString)/replay", token: owner.adminToken.secret
                ).status == .notFound)
            let bad = try await client.call(
                .get, "/api/v1/connector-deliveries?status=lost", token: owner.adminToken.secret)
            #expect(bad.status == .badRequest)
        }
    }
}
