import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing

/// The console's connectors: the list, a connector's delivery log (newest first, paged, failed
/// only), replaying a failed delivery and sending a test, secrets never shown.
@Suite struct AdminConnectorPageTests {
    /// Secrets sealed with a test key; connectors may reach this machine (a closed port on it).
    static let extra = [
        "CONCIERGE_SECRET_KEYS": "k1:\(Data(repeating: 7, count: 32).base64EncodedString())",
        "CONCIERGE_CONNECTOR_ALLOWED_NETWORKS": "127.0.0.1/32",
    ]

    /// A port nothing listens on: bound once to learn a free number, then closed.
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 1
        try await channel.close()
        return port
    }

    /// A webhook connector to a closed port on this machine, created through the JSON API.
    static func webhook(_ admin: AgentBrowser) async throws -> String {
        let port = try await closedPort()
        let created = try await admin.api(
            .post, "/api/v1/connectors",
            json: """
                {"key":"erp-hook","kind":"webhook","name":"ERP <回调>","settings":{"url":"http://127.0.0.1:\(port)/hook"},
                 "secrets":{"signing_secret":"never-shown-4b1d"},"events":[]}
                """)
        #expect(created.status == .created)
        return try #require(created.body.object("connector")["id"] as? String)
    }

    @Test func agentsMayNotOpenConnectors() async throws {
        try await withAPI(extra: Self.extra) { platform, client in
            let admin = try await AgentBrowser.signInAdmin(platform, client)
            let id = try await Self.webhook(admin)
            let agent = try await admin.colleague(platform, role: .agent)
            for path in ["/admin/connectors", "/admin/connectors/\(id)"] {
                #expect(try await agent.get(path).status == .forbidden, "\(path)")
            }
            #expect(try await agent.post("/admin/connectors/\(id)/test", [:]).status == .forbidden)
            #expect(try await platform.connectors.deliveries(.init(), tenant: admin.tenant).isEmpty)
        }
    }

    @Test func theListAndPageShowKindStateAndCircuitButNeverASecret() async throws {
        try await withAPI(extra: Self.extra) { platform, client in
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            let id = try await Self.webhook(admin)
            let list = try await admin.get("/admin/connectors")
            #expect(list.status == .ok)
            #expect(list.body.contains("ERP &lt;回调&gt;"))
            #expect(list.body.contains("<td data-label=\"Kind\">Webhook</td>"))
            #expect(list.text("connector-circuit") == "Closed (sending)")
            let page = try await admin.get("/admin/connectors/\(id)")
            #expect(page.text("connector-secret") == "set (hidden)")
            #expect(page.text("connector-setting")?.hasPrefix("http://127.0.0.1:") == true)
            #expect(page.has("deliveries-empty"))
            for body in [list.body, page.body] { #expect(body.contains("never-shown-4b1d") == false) }
        }
    }

    @Test func aFailedDeliveryIsFoundByTheFilterAndReplayed() async throws {
        try await withAPI(extra: Self.extra) { platform, client in
            // given a webhook to a closed port
            let admin = try await AgentBrowser.signInAdmin(platform, client, locale: .en)
            let id = try await Self.webhook(admin)
            let path = "/admin/connectors/\(id)"
            // when the console sends a test message
            let test = try await admin.post("\(path)/test", [:])
            // then it fails, and the log says how
            #expect(test.status == .seeOther)
            #expect(test.flash == "admin_test_failed")
            let delivery = try #require(try await platform.connectors.deliveries(.init(), tenant: admin.tenant).first)
            #expect(delivery.status == .retrying)
            let retrying = try await admin.get(path)
            #expect(retrying.text("delivery-status") == "Retrying")
            #expect(retrying.has("delivery-replay") == false)
            #expect(retrying.has("deliveries-empty") == false)
            // when every attempt has failed
            for _ in 1..<ConnectorDeliverer.maxAttempts {
                _ = try await platform.connectorDeliverer.attempt(
                    delivery.id, tenant: admin.tenant, ignoringCircuit: true)
            }
            // then the failed filter shows it with its attempts, error and latency, and the circuit is open
            let failed = try await admin.get("\(path)?status=failed")
            #expect(failed.text("delivery-status") == "Failed")
            #expect(failed.body.contains("<td data-label=\"Attempts\">10</td>"))
            #expect(failed.text("delivery-error")?.isEmpty == false)
            #expect(failed.body.contains(" ms</td>"))
            #expect(failed.text("connector-circuit")?.hasPrefix("Open until ") == true)
            #expect(failed.has("delivery-replay"))
            let replay = "\(path)/deliveries/\(delivery.id)/replay"
            // a replay without the CSRF token is refused
            #expect(try await admin.post(replay, [:], withToken: false).status == .forbidden)
            // when it is replayed
            let replayed = try await admin.post(replay, [:])
            #expect(replayed.status == .seeOther)
            #expect(replayed.location == path)
            #expect(replayed.flash == "admin_replayed")
            // then the API has it waiting to be sent again, from a fresh count
            let again = try await admin.api(.get, "/api/v1/connector-deliveries/\(delivery.id)").body.object("delivery")
            #expect(again["status"] as? String == "pending")
            #expect(try await admin.get("\(path)?status=failed").has("deliveries-empty"))
            // and replaying it twice is refused with the reason
            let twice = try await admin.post(replay, [:])
            #expect(twice.status == .conflict)
            #expect(
                twice.text("form-error")
                    == "Only failed deliveries can be replayed; this one has moved on since the page was shown.")
            // and a delivery is replayed only through its own connector's page
            let other = try await admin.api(
                .post, "/api/v1/connectors",
                json:
                    #"{"key":"other","kind":"webhook","name":"Other","settings":{"url":"https://example.cn/h"},"secrets":{"signing_secret":"s3cret-other-1"}}"#
            )
            let otherID = try #require(other.body.object("connector")["id"] as? String)
            #expect(
                try await admin.post("/admin/connectors/\(otherID)/deliveries/\(delivery.id)/replay", [:]).status
                    == .notFound)
        }
    }

    @Test func theLogIsPagedNewestFirst() async throws {
        try await withAPI(extra: Self.extra) { platform, client in
            let admin = try await AgentBrowser.signInAdmin(platform, client)
            let id = try await Self.webhook(admin)
            for _ in 0...AdminPageSize.deliveries {
                _ = try await platform.connectors.sendTest(id, tenant: admin.tenant)
            }
            let first = try await admin.get("/admin/connectors/\(id)")
            #expect(first.body.components(separatedBy: "data-testid=\"delivery-row\"").count - 1 == 25)
            let next = try #require(first.link("deliveries-next"))
            let second = try await admin.get(next)
            #expect(second.body.components(separatedBy: "data-testid=\"delivery-row\"").count - 1 == 1)
            #expect(second.has("deliveries-next") == false)
        }
    }
}

/// Page sizes of the console's lists, as the tests expect them.
enum AdminPageSize {
    static let deliveries = 25
}
