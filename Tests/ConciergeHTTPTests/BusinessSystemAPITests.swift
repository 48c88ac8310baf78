import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The CRM sync and ERP routes: status and run-now for administrators, stock and issue orders
/// for agents, every refusal with a machine-readable code. (The vendor side is covered against
/// the Odoo stub in ConciergePostgresTests/BusinessSystemTests.)
@Suite struct BusinessSystemAPITests {
    static let extra = ConnectorAPITests.extra
    static let hubspot = """
        {"key":"hubspot","kind":"crm","name":"HubSpot","settings":{"vendor":"hubspot","sync":["customers"],
         "sync_interval_minutes":30},"secrets":{"access_token":"pat-na1-secret"}}
        """
    static let kingdee = """
        {"key":"kingdee","kind":"erp","name":"金蝶云星空","settings":{"vendor":"kingdee",
         "base_url":"https://erp.example.cn/k3cloud","account_set_id":"62f0a1","username":"concierge",
         "external_ids_key":"k3"},"secrets":{"password":"kd-secret"}}
        """

    @Test func aCRMSyncIsShownAndStartedByAdministrators() async throws {
        try await withAPI(extra: Self.extra) { platform, client in
            let tenant = try await platform.makeTenant()
            let token = tenant.adminToken.secret
            #expect(
                try await client.call(.post, "/api/v1/connectors", token: token, json: Self.hubspot).status == .created)
            // when the status is read before any run
            let status = try await client.call(.get, "/api/v1/connectors/hubspot/sync", token: token)
            #expect(status.status == .ok)
            let sync = status.body.object("sync")
            #expect((sync["kinds"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["customers"])
            #expect((sync["kinds"] as? [[String: Any]])?.first?["in_progress"] as? Bool == false)
            #expect(sync["next_run_at"] == nil)
            // then a run on demand is queued and the next scheduled run moves 30 minutes on
            let started = try await client.call(.post, "/api/v1/connectors/hubspot/sync", token: token)
            #expect(started.status == .accepted)
            #expect(started.body.object("sync")["queued"] as? Bool == true)
            #expect(started.body.object("sync")["next_run_at"] as? String != nil)
            // and an agent may not, nor may anyone for a connector of another kind
            let agent = try await platform.tokens.issue(
                name: "agent", role: .agent, grantedBy: .admin, actor: .system("t"), tenant: tenant.tenant.id)
            #expect(
                try await client.call(.post, "/api/v1/connectors/hubspot/sync", token: agent.secret).status
                    == .forbidden)
            #expect(
                try await client.call(.post, "/api/v1/connectors", token: token, json: Self.kingdee).status == .created)
            let wrong = try await client.call(.get, "/api/v1/connectors/kingdee/sync", token: token)
            #expect(wrong.status == .badRequest)
            #expect((wrong.body["error"] as? [String: Any])?["code"] as? String == "not_crm")
        }
    }

    @Test func issueOrdersAreValidatedQueuedOnceAndListedOnTheTicket() async throws {
        try await withAPI(extra: Self.extra) { platform, client in
            let tenant = try await platform.makeTenant()
            let token = tenant.adminToken.secret
            #expect(
                try await client.call(.post, "/api/v1/connectors", token: token, json: Self.kingdee).status == .created)
            #expect(
                try await client.call(.post, "/api/v1/connectors", token: token, json: Self.hubspot).status == .created)
            let ticket = try await CustomerAPIFixtures.ticket(client, token: token, email: "li@factory.example.cn")
            let number = ticket["number"] as? Int ?? 0
            let agent = try await platform.tokens.issue(
                name: "agent", role: .agent, grantedBy: .admin, actor: .system("t"), tenant: tenant.tenant.id)
            let path = "/api/v1/tickets/\(number)/issue-orders"
            // when bad orders are posted, each refusal names its field
            let cases: [(String, String)] = [
                (#"{"lines":[{"part_number":"P-1","quantity":1}]}"#, "connector"),
                (#"{"connector":"kingdee","lines":[]}"#, "lines"),
                (#"{"connector":"kingdee","lines":[{"part_number":"","quantity":1}]}"#, "lines[0].part_number"),
                (#"{"connector":"kingdee","lines":[{"part_number":"P-1","quantity":0}]}"#, "lines[0].quantity"),
                (#"{"connector":"hubspot","lines":[{"part_number":"P-1","quantity":1}]}"#, "connector"),
            ]
            for (json, field) in cases {
                let refused = try await client.call(.post, path, token: agent.secret, json: json)
                #expect(refused.status == .badRequest, "\(json)")
                #expect((refused.body["error"] as? [String: Any])?["field"] as? String == field, "\(json)")
            }
            // then a good one is accepted once, however often it is posted with its key
            let order =
                #"{"connector":"kingdee","lines":[{"part_number":"P-100","quantity":2}],"warehouse":"CK001","idempotency_key":"visit-1"}"#
            let first = try await client.call(.post, path, token: agent.secret, json: order)
            let again = try await client.call(.post, path, token: agent.secret, json: order)
            #expect(first.status == .accepted)
            #expect(first.body.object("issue_order")["status"] as? String == "pending")
            #expect(
                first.body.object("issue_order")["id"] as? String == again.body.object("issue_order")["id"] as? String)
            let listed = try await client.call(.get, path, token: agent.secret)
            #expect((listed.body["issue_orders"] as? [Any])?.count == 1)
            // and the ticket's history records the request
            let history = try await client.call(.get, "/api/v1/tickets/\(number)/history", token: token)
            #expect("\(history.body)".contains("ticket.issue_order_requested"))
            // and another tenant sees no such ticket
            let other = try await platform.makeTenant()
            #expect(try await client.call(.get, path, token: other.adminToken.secret).status == .notFound)
        }
    }

    @Test func stockLookupsNeedPartsAndAnERPConnector() async throws {
        try await withAPI(extra: Self.extra) { platform, client in
            let token = try await platform.makeTenant().adminToken.secret
            #expect(
                try await client.call(.post, "/api/v1/connectors", token: token, json: Self.kingdee).status == .created)
            #expect(
                try await client.call(.post, "/api/v1/connectors", token: token, json: Self.hubspot).status == .created)
            let none = try await client.call(.get, "/api/v1/connectors/kingdee/inventory", token: token)
            #expect(none.status == .badRequest)
            #expect((none.body["error"] as? [String: Any])?["field"] as? String == "parts")
            let crm = try await client.call(.get, "/api/v1/connectors/hubspot/inventory?parts=P-1", token: token)
            #expect((crm.body["error"] as? [String: Any])?["code"] as? String == "not_erp")
            let missing = try await client.call(.get, "/api/v1/connectors/sap/inventory?parts=P-1", token: token)
            #expect(missing.status == .notFound)
        }
    }
}
