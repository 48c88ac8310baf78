import ConciergeDomain
import Foundation
import Testing

@Suite("Rule coding")
struct RuleCodingTests {
    typealias F = RuleFixtures

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test(
        arguments: [
            (
                RuleCondition(.priority, .is, .string("urgent")),
                #"{"field":"priority","operator":"is","value":"urgent"}"#
            ),
            (RuleCondition(.status, .changed), #"{"field":"status","operator":"changed"}"#),
            (
                RuleCondition(.commentBody, .containsAnyWords, .array([.string("退货"), .string("refund")])),
                #"{"field":"comment.body","operator":"contains_any_words","value":["退货","refund"]}"#
            ),
            (
                RuleCondition(.hoursSinceCreated, .greaterThan, .number(2)),
                #"{"field":"hours_since_created","operator":"greater_than","value":2}"#
            ),
            (
                RuleCondition(.customField("fault"), .isNot, .string("leak")),
                #"{"field":"custom_fields.fault","operator":"is_not","value":"leak"}"#
            ),
        ])
    func conditionIsWrittenAsFieldOperatorValue(condition: RuleCondition, json: String) throws {
        #expect(try Self.encode(condition) == json)
        #expect(try JSONDecoder().decode(RuleCondition.self, from: Data(json.utf8)) == condition)
    }

    @Test(
        arguments: [
            (RuleAction.addTags(["vip"]), #"{"action":"add_tags","value":["vip"]}"#),
            (.setStatus(.pending), #"{"action":"set_status","value":"pending"}"#),
            (.setAssignee(nil), #"{"action":"set_assignee"}"#),
            (
                .setCustomField(key: "fault", value: .string("leak")),
                #"{"action":"set_custom_field","key":"fault","value":"leak"}"#
            ),
            (.addNote("已升级 {{ticket.number}}"), #"{"action":"add_note","body":"已升级 {{ticket.number}}"}"#),
            (
                .sendEmail(to: "requester", subject: "工单 {{ticket.number}}", body: "您好"),
                #"{"action":"send_email","body":"您好","subject":"工单 {{ticket.number}}","to":"requester"}"#
            ),
            (
                .callConnector("erp", payload: .object(["ticket": .string("{{ticket.number}}")])),
                #"{"action":"call_connector","connector":"erp","payload":{"ticket":"{{ticket.number}}"}}"#
            ),
            (.stopProcessing, #"{"action":"stop_processing"}"#),
        ])
    func actionIsWrittenAsActionAndItsMembers(action: RuleAction, json: String) throws {
        #expect(try Self.encode(action) == json)
        #expect(try JSONDecoder().decode(RuleAction.self, from: Data(json.utf8)) == action)
    }

    @Test
    func triggerDecodesFromHandWrittenJSONWithDefaults() throws {
        // given
        let json = #"""
            {
              "key": "vip-escalation",
              "title": {"zh_cn": "VIP 升级", "en": "VIP escalation"},
              "events": ["ticket_created", "comment_added"],
              "conditions": {"all": [{"field": "requester.tier", "operator": "is", "value": "vip"}]},
              "actions": [{"action": "set_priority", "value": "urgent"}, {"action": "add_tags", "value": ["vip"]}]
            }
            """#
        // when
        let trigger = try JSONDecoder().decode(Trigger.self, from: Data(json.utf8))
        // then
        #expect(trigger.position == 0)
        #expect(trigger.active)
        #expect(trigger.events == [.ticketCreated, .commentAdded])
        #expect(trigger.conditions.any.isEmpty)
        #expect(trigger.actions == [.setPriority(.urgent), .addTags(["vip"])])
        #expect(try JSONDecoder().decode(Trigger.self, from: JSONEncoder().encode(trigger)) == trigger)
        _ = try trigger.compiled()
    }

    @Test
    func automationRoundTripsThroughJSON() throws {
        // given
        let automation = Automation(
            key: "remind-pending", title: LocalizedText(zhCN: "待回复提醒", en: ""), position: 5,
            conditions: RuleConditions(all: [RuleCondition(.hoursSinceStatusChange, .greaterThan, .number(48))]),
            actions: [.sendEmail(to: "requester", subject: "提醒", body: "请回复")])
        // when
        let json = try Self.encode(automation)
        // then
        #expect(json.contains(#""conditions":{"all":[{"field":"hours_since_status_change""#))
        #expect(try JSONDecoder().decode(Automation.self, from: Data(json.utf8)) == automation)
    }

    @Test
    func unknownEventFailsToDecode() {
        let json = #"{"key":"k","title":{"zh_cn":"k","en":""},"events":["ticket_deleted"],"actions":[]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Trigger.self, from: Data(json.utf8)) }
    }

    @Test(
        arguments: [
            (
                Trigger(
                    key: "Bad Key", title: LocalizedText(zhCN: "t", en: ""), events: [.ticketCreated],
                    conditions: RuleConditions(), actions: [.addTags(["a"])]), "key", "invalid_key"
            ),
            (
                Trigger(
                    key: "t", title: LocalizedText(zhCN: " ", en: ""), events: [.ticketCreated],
                    conditions: RuleConditions(), actions: [.addTags(["a"])]), "title", "required"
            ),
            (
                Trigger(
                    key: "t", title: LocalizedText(zhCN: "t", en: ""), events: [], conditions: RuleConditions(),
                    actions: [.addTags(["a"])]), "events", "required"
            ),
            (
                Trigger(
                    key: "t", title: LocalizedText(zhCN: "t", en: ""), events: [.ticketCreated],
                    conditions: RuleConditions(), actions: []), "actions", "required"
            ),
        ])
    func invalidTriggerIsReportedWithItsPath(trigger: Trigger, field: String, code: String) {
        let error = validationError { try trigger.compiled() }
        #expect(error?.field == field)
        #expect(error?.code == code)
    }
}
