import ConciergeDomain
import Testing

@Suite("Rule action validation")
struct ActionValidationTests {
    typealias F = RuleFixtures

    struct Case: Sendable, CustomTestStringConvertible {
        let action: RuleAction
        let field: String
        let code: String
        var testDescription: String { "\(action.action) → \(field) \(code)" }

        init(_ action: RuleAction, _ field: String, _ code: String) {
            self.action = action
            self.field = field
            self.code = code
        }
    }

    static let cases: [Case] = [
        .init(RuleAction(action: "delete_ticket"), "action", "unknown_action"),
        .init(RuleAction(.setStatus, value: .string("archived")), "value", "unknown_value"),
        .init(RuleAction(.setStatus, value: .string("new")), "value", "invalid_status"),
        .init(RuleAction(.setStatus), "value", "required"),
        .init(RuleAction(.setPriority, value: .string("critical")), "value", "unknown_value"),
        .init(RuleAction(.setType, value: .number(1)), "value", "invalid_value"),
        .init(RuleAction(.setGroup, value: .string("after-sales")), "value", "invalid_value"),
        .init(RuleAction(.setAssignee, value: .bool(true)), "value", "invalid_value"),
        .init(RuleAction(.setCustomField, value: .string("x")), "key", "invalid_key"),
        .init(RuleAction(.addTags, value: .array([])), "value", "required"),
        .init(RuleAction(.addTags, value: .array([.string("ok"), .string("a,b")])), "value[1]", "invalid_tag"),
        .init(RuleAction(.removeTags, value: .array([.number(1)])), "value[0]", "invalid_tag"),
        .init(RuleAction(.addTags, value: .array([.string("vip")]), subject: "x"), "subject", "not_allowed"),
        .init(RuleAction(.addNote, value: .string("text")), "value", "not_allowed"),
        .init(RuleAction(.addNote, body: "  "), "body", "required"),
        .init(RuleAction(.addNote, body: "{{ticket.secret}}"), "body", "unknown_placeholder"),
        .init(RuleAction(.notifyUsers, subject: "s", body: "b"), "to", "required"),
        .init(
            RuleAction(.notifyUsers, to: .array([.string("nobody")]), subject: "s", body: "b"), "to[0]", "invalid_value"
        ),
        .init(RuleAction(.notifyGroups, to: .array([.string(F.group.description)]), body: "b"), "subject", "required"),
        .init(
            RuleAction(.notifyGroups, to: .string(F.group.description), subject: "line\nbreak", body: "b"), "subject",
            "invalid_characters"),
        .init(RuleAction(.notifyAssignee, subject: "{{agent.name}}", body: "b"), "subject", "unknown_placeholder"),
        .init(RuleAction(.sendEmail, to: .string("not-an-email"), subject: "s", body: "b"), "to", "invalid_email"),
        .init(RuleAction(.sendEmail, to: .array([.string("requester")]), subject: "s", body: "b"), "to", "required"),
        .init(RuleAction(.callConnector, payload: .object([:])), "connector", "invalid_key"),
        .init(
            RuleAction(
                .callConnector, connector: "erp", payload: .object(["order": .object(["note": .string("{{x}}")])])),
            "payload.order.note", "unknown_placeholder"),
        .init(RuleAction(.stopProcessing, value: .bool(true)), "value", "not_allowed"),
    ]

    @Test(arguments: cases)
    func invalidActionIsReportedWithItsPath(_ row: Case) {
        // when
        let error = validationError {
            try F.trigger("t", actions: [.addTags(["ok"]), row.action])
        }
        // then
        #expect(error?.field == "actions[1].\(row.field)")
        #expect(error?.code == row.code)
    }

    @Test(
        arguments: [
            ([RuleAction.setStatus(.pending), .setStatus(.solved)], "actions[1]"),
            (
                [.setCustomField(key: "fault", value: .null), .setCustomField(key: "fault", value: .string("x"))],
                "actions[1]"
            ),
            ([.stopProcessing, .addTags(["a"]), .stopProcessing], "actions[2]"),
        ])
    func twoActionsSettingTheSameThingAreRefused(actions: [RuleAction], field: String) {
        let error = validationError { try F.trigger("t", actions: actions) }
        #expect(error?.field == field)
        #expect(error?.code == "duplicate_action")
    }

    @Test
    func repeatedTagAndNotificationActionsAreAllowed() throws {
        _ = try F.trigger(
            "t",
            actions: [
                .addTags(["a"]), .removeTags(["b"]), .addTags(["c"]), .addNote("一"), .addNote("二"),
            ])
    }

    @Test
    func customFieldActionsAreCheckedAgainstTheDefinitions() {
        // given
        let definitions = CustomFieldValues(definitions: [
            CustomFieldDefinition(
                id: CustomFieldID(), key: "units", labels: LocalizedText(zhCN: "数量", en: ""), type: .integer),
            CustomFieldDefinition(
                id: CustomFieldID(), key: "old", labels: LocalizedText(zhCN: "旧", en: ""), type: .text, active: false),
        ])
        func compile(_ action: RuleAction) -> ValidationError? {
            validationError {
                try Trigger(
                    key: "t", title: LocalizedText(zhCN: "t", en: ""), events: [.ticketCreated],
                    conditions: RuleConditions(), actions: [action]
                ).compiled(customFields: definitions)
            }
        }
        // then
        #expect(compile(.setCustomField(key: "units", value: .number(3))) == nil)
        #expect(compile(.setCustomField(key: "units", value: .string("three")))?.field == "actions[0].value")
        #expect(compile(.setCustomField(key: "old", value: .string("x")))?.code == "unknown_field")
        #expect(compile(.setCustomField(key: "missing", value: .string("x")))?.field == "actions[0].key")
        #expect(compile(.addNote("{{ticket.custom_fields.units}}")) == nil)
        #expect(compile(.addNote("{{ticket.custom_fields.missing}}"))?.code == "unknown_placeholder")
    }

    @Test
    func customFieldConditionsAreCheckedAgainstTheDefinitions() {
        // given
        let definitions = CustomFieldValues(definitions: [
            CustomFieldDefinition(
                id: CustomFieldID(), key: "units", labels: LocalizedText(zhCN: "数量", en: ""), type: .integer)
        ])
        func compile(_ condition: RuleCondition) -> ValidationError? {
            validationError { try RuleConditions(all: [condition]).compiled(customFields: definitions) }
        }
        // then
        #expect(compile(RuleCondition(.customField("units"), .is, .number(3))) == nil)
        #expect(
            compile(RuleCondition(.customField("units"), .is, .string("three")))?.field == "conditions.all[0].value")
        #expect(compile(RuleCondition(.customField("missing"), .present))?.field == "conditions.all[0].field")
    }
}
