import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Testing

/// A trigger's `call_connector` action: a delivery of the named connector carrying the rendered
/// payload, sent like every other delivery; a missing or disabled connector is a skipped action.
@Suite(.serialized)
struct RuleConnectorCallTests {
    static func trigger(connector: String) throws -> Trigger {
        try JSONDecoder().decode(
            Trigger.self,
            from: Data(
                #"""
                {"key":"erp-sync","title":{"zh_cn":"同步到 ERP","en":"Sync to the ERP"},"events":["ticket_created"],
                 "conditions":{"all":[{"field":"subject","operator":"contains","value":"卡纸"}]},
                 "actions":[{"action":"call_connector","connector":"\#(connector)",
                             "payload":{"order":"工单 {{ticket.number}}","priority":"{{ticket.priority}}"}},
                            {"action":"add_tags","value":["erp"]}]}
                """#.utf8))
    }

    static func runTriggers(on ticket: Ticket, platform: Platform, tenant: TenantID) async throws {
        let created = try await ConnectorPipelineTests.createdEvent(of: ticket, platform: platform, tenant: tenant)
        try await TriggerRunner(
            store: platform.store, connectorCalls: platform.ruleConnectorCalls, logger: platform.logger
        )
        .run(eventID: created.event.id, tenant: tenant)
    }

    static func skippedReasons(of ticket: Ticket, platform: Platform, tenant: TenantID) async throws -> [JSONValue] {
        let history = try await platform.store.transaction(tenant) { tx in
            try await tx.events.history(subjectType: "ticket", subjectID: ticket.id.description)
        }
        let ruled = try #require(history.last { $0.event.actor == .system("rules") })
        guard case .array(let skipped)? = ruled.event.data["skipped"] else { return [] }
        return skipped.compactMap { if case .object(let item) = $0 { item["reason"] } else { nil } }
    }

    @Test("A trigger calls a connector with its rendered payload, once")
    func triggerCallsConnector() async throws {
        try await withReceiver(script: []) { receiver in
            try await withTestPlatform(extra: ConnectorPipelineTests.extra) { platform in
                // given a webhook connector subscribed to nothing and a trigger calling it
                let tenant = try await platform.makeTenant().tenant.id
                var draft = try ConnectorPipelineTests.draft(url: receiver.url)
                draft.events = []
                _ = try await platform.connectors.create(draft, tenant: tenant)
                _ = try await platform.rules.saveTrigger(
                    try Self.trigger(connector: "hook"), actor: .system("test"), tenant: tenant)
                // when a matching ticket's creation runs the triggers (twice: a redelivery)
                let ticket = try await ConnectorPipelineTests.createTicket(platform, tenant: tenant)
                try await Self.runTriggers(on: ticket, platform: platform, tenant: tenant)
                try await Self.runTriggers(on: ticket, platform: platform, tenant: tenant)
                // then one delivery was written for the rule, and it reaches the receiver
                let deliveries = try await platform.connectors.deliveries(.init(), tenant: tenant)
                #expect(deliveries.count == 1)
                let delivery = try #require(deliveries.first)
                #expect(delivery.eventType == "ticket.rules_fired")
                #expect(delivery.ticketID == ticket.id)
                #expect(
                    try await platform.connectorDeliverer.attempt(delivery.id, tenant: tenant)?.status == .delivered)
                let body = try #require(try receiver.requests().first?["json"] as? [String: Any])
                let data = try #require(body["data"] as? [String: Any])
                let payload = try #require(data["rule_payload"] as? [String: Any])
                #expect(payload["order"] as? String == "工单 \(ticket.number)")
                #expect(payload["priority"] as? String == "normal")
                #expect((data["ticket"] as? [String: Any])?["number"] as? Int == Int(ticket.number))
                // and the trigger's other action applied, with nothing skipped
                #expect(try await platform.tickets.get(.id(ticket.id), tenant: tenant).tags.contains("erp"))
                #expect(try await Self.skippedReasons(of: ticket, platform: platform, tenant: tenant).isEmpty)
            }
        }
    }

    @Test("A missing or disabled connector makes the action a skipped one")
    func missingOrDisabledConnectorIsSkipped() async throws {
        try await withTestPlatform(extra: ConnectorPipelineTests.extra) { platform in
            for (key, reason) in [("nowhere", "connector_missing"), ("hook", "connector_disabled")] {
                // given a trigger naming a connector that is not there or is switched off
                let tenant = try await platform.makeTenant().tenant.id
                var draft = try ConnectorPipelineTests.draft(url: "http://127.0.0.1:9/hook")
                draft.enabled = false
                _ = try await platform.connectors.create(draft, tenant: tenant)
                _ = try await platform.rules.saveTrigger(
                    try Self.trigger(connector: key), actor: .system("test"), tenant: tenant)
                // when a matching ticket's creation runs the triggers
                let ticket = try await ConnectorPipelineTests.createTicket(platform, tenant: tenant)
                try await Self.runTriggers(on: ticket, platform: platform, tenant: tenant)
                // then nothing is delivered, the history names the reason, the other action applied
                #expect(try await platform.connectors.deliveries(.init(), tenant: tenant).isEmpty)
                #expect(
                    try await Self.skippedReasons(of: ticket, platform: platform, tenant: tenant) == [.string(reason)])
                #expect(try await platform.tickets.get(.id(ticket.id), tenant: tenant).tags.contains("erp"))
            }
        }
    }
}
