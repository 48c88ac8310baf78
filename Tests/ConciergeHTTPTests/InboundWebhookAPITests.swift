import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /hooks/{tenant}/{key}` through the real router: an Alertmanager-style alert, signed
/// with the connector's secret, becomes one ticket; retries, updates, bad signatures and
/// payloads are answered as documented.
@Suite struct InboundWebhookAPITests {
    static let secret = "hook-secret-42"
    static let connector = """
        {"key":"alerts","kind":"inbound_webhook","name":"监控告警",
         "secrets":{"signing_secret":"\(secret)"},
         "settings":{"subject":"[{{$.labels.severity | upper}}] {{$.annotations.summary}}",
                     "description":"{{$.annotations.description | default: \\"无描述\\"}}",
                     "requester":{"fallback_email":"monitor@acme.example"},
                     "priority":{"path":"$.labels.severity","values":{"critical":"urgent","warning":"high"},"default":"normal"},
                     "tags":{"fixed":["告警"]},
                     "external_id":"$.fingerprint","update_existing":true,
                     "conditions":[{"path":"$.status","equals":"firing"}]}}
        """

    static func alert(status: String = "firing", summary: String = "磁盘将满") -> String {
        """
        {"status":"\(status)","fingerprint":"f00d","labels":{"severity":"critical","host":"db-1"},
         "annotations":{"summary":"\(summary)","description":"/data 使用率 95%"}}
        """
    }

    static func signature(_ body: String, secret: String = secret, at date: Date = Date()) -> HTTPFields {
        [
            HTTPField.Name("X-Concierge-Signature")!: InboundWebhookSignature.header(
                timestamp: Int64(date.timeIntervalSince1970), body: Array(body.utf8), secrets: [secret])
        ]
    }

    @Test("A signed alert opens one ticket; its retry and its update find it")
    func signedAlertOpensOneTicket() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            // given an inbound webhook mapping alerts
            let tenant = try await platform.makeTenant()
            let slug = tenant.tenant.slug.rawValue
            let token = tenant.adminToken.secret
            let made = try await client.call(.post, "/api/v1/connectors", token: token, json: Self.connector)
            #expect(made.status == .created, "\(made.body)")
            let path = "/hooks/\(slug)/alerts"
            // when a signed alert arrives
            let body = Self.alert()
            let created = try await client.call(.post, path, json: body, headers: Self.signature(body))
            // then a ticket exists with the mapped fields
            #expect(created.status == .created, "\(created.body)")
            #expect(created.body["outcome"] as? String == "created")
            let number = try #require(created.body.object("ticket")["number"] as? Int)
            let ticket = try await platform.tickets.get(.number(Int64(number)), tenant: tenant.tenant.id)
            #expect(ticket.subject == "[CRITICAL] 磁盘将满")
            #expect(ticket.priority == .urgent)
            #expect(ticket.channel == .webhook)
            #expect(ticket.tags == ["告警"])
            // when the same alert is delivered again with new text, then it is a note on that ticket
            let again = Self.alert(summary: "磁盘已满")
            let updated = try await client.call(.post, path, json: again, headers: Self.signature(again))
            #expect(updated.status == .ok)
            #expect(updated.body["outcome"] as? String == "updated")
            let comments = try await platform.conversation.list(
                .id(ticket.id), includeInternal: true, after: nil, limit: 10, tenant: tenant.tenant.id)
            #expect(comments.last?.isPublic == false)
            #expect(comments.last?.body.contains("磁盘已满") == true)
            // and a resolved alert is left out by the mapping's condition
            let resolved = Self.alert(status: "resolved")
            let ignored = try await client.call(.post, path, json: resolved, headers: Self.signature(resolved))
            #expect(ignored.body["outcome"] as? String == "ignored")
        }
    }

    @Test("Bad signatures, unknown hooks and bad bodies are refused with codes")
    func refusals() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            // given an inbound webhook
            let tenant = try await platform.makeTenant()
            let slug = tenant.tenant.slug.rawValue
            _ = try await client.call(
                .post, "/api/v1/connectors", token: tenant.adminToken.secret, json: Self.connector)
            let path = "/hooks/\(slug)/alerts"
            let body = Self.alert()
            // when deliveries are unsigned, signed with another secret or too old
            let unsigned = try await client.call(.post, path, json: body)
            let forged = try await client.call(.post, path, json: body, headers: Self.signature(body, secret: "guess"))
            let stale = try await client.call(
                .post, path, json: body, headers: Self.signature(body, at: Date().addingTimeInterval(-3600)))
            // then each is 401 with its code
            #expect(unsigned.status == .unauthorized && unsigned.body.errorCode == "missing_signature")
            #expect(forged.status == .unauthorized && forged.body.errorCode == "signature_mismatch")
            #expect(stale.status == .unauthorized)
            // and an unknown hook or tenant is 404, a body that is not JSON 400
            let nowhere = try await client.call(.post, "/hooks/\(slug)/nope", json: body, headers: Self.signature(body))
            #expect(nowhere.status == .notFound)
            #expect(try await client.call(.post, "/hooks/no-such-tenant/alerts", json: body).status == .notFound)
            let text = "not json"
            let broken = try await client.call(.post, path, json: text, headers: Self.signature(text))
            #expect(broken.status == .badRequest && broken.body.errorCode == "invalid_json")
            // and nothing was written
            let (page, _) = try await platform.tickets.list(TicketQuery(), tenant: tenant.tenant.id)
            #expect(page.tickets.isEmpty)
        }
    }

    @Test("A mapping that does not validate is refused when the connector is saved")
    func invalidMappingIsRefused() async throws {
        try await withAPI(extra: ConnectorAPITests.extra) { platform, client in
            // given a mapping whose priority table names no priority
            let token = try await platform.makeTenant().adminToken.secret
            let json = """
                {"key":"bad","kind":"inbound_webhook","secrets":{"signing_secret":"x"},
                 "settings":{"subject":"{{$.title}}","requester":{"fallback_email":"a@acme.example"},
                             "priority":{"path":"$.p","values":{"P1":"asap"}}}}
                """
            // when it is saved, then the error names the setting
            let refused = try await client.call(.post, "/api/v1/connectors", token: token, json: json)
            #expect(refused.status == .badRequest)
            let field = (refused.body["error"] as? [String: Any])?["field"] as? String
            #expect(field?.hasPrefix("settings.priority") == true, "\(refused.body)")
        }
    }
}
