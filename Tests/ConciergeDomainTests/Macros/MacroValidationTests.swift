import ConciergeDomain
import Testing

@Suite("Macro.validate")
struct MacroValidationTests {
    static let fields = CustomFieldValues(definitions: [
        FieldFixtures.field("visit_on", .date),
        FieldFixtures.field("fault", .dropdown, options: ["leak", "noise"]),
        FieldFixtures.field("cost", .decimal, visibility: .internal),
        FieldFixtures.field("legacy", .text, active: false),
    ])

    static func macro(
        _ actions: [MacroAction], reply: String? = nil, isPublic: Bool = true, key: String = "request_photos"
    ) -> Macro {
        Macro(
            id: MacroID(), key: key, title: LocalizedText(zhCN: "请提供照片", en: "Request photos"), actions: actions,
            replyTemplate: reply, replyIsPublic: isPublic)
    }

    @Test
    func validMacroIsReturnedNormalised() throws {
        // given
        let macro = Self.macro(
            [
                .setStatus(.pending), .setPriority("high"), .setType(.incident), .assignGroup("after-sales"),
                .assignUser(" Agent.Zhang@Demo.CN "), .addTags(["Needs Photo", "售后", "needs photo"]),
                .removeTags(["new"]), .setCustomField(key: "visit_on", value: .string(" 2024-02-29 ")),
                .setCustomField(key: "fault", value: .null),
            ],
            reply: "{{requester.first_name}}您好，请上传照片。{{ticket.custom_fields.visit_on}}")
        // when
        let validated = try macro.validate(customFields: Self.fields)
        // then
        #expect(
            validated.actions == [
                .setStatus(.pending), .setPriority("high"), .setType(.incident), .assignGroup("after-sales"),
                .assignUser("agent.zhang@demo.cn"), .addTags(["needs_photo", "售后"]), .removeTags(["new"]),
                .setCustomField(key: "visit_on", value: .string("2024-02-29")),
                .setCustomField(key: "fault", value: .null),
            ])
        #expect(validated.replyTemplate == macro.replyTemplate)
    }

    @Test
    func replyOnlyMacroIsValidAndBlankReplyIsDropped() throws {
        #expect(try Self.macro([], reply: "谢谢").validate(customFields: Self.fields).replyTemplate == "谢谢")
        #expect(
            try Self.macro([.setStatus(.solved)], reply: "  \n").validate(customFields: Self.fields).replyTemplate
                == nil)
    }

    @Test(
        arguments: [
            (macro([.setStatus(.open)], key: "Bad Key"), "key", "invalid_key"),
            (macro([]), "actions", "required"),
            (macro([], reply: "   "), "actions", "required"),
            (macro([.setStatus(.new)]), "actions[0].value", "invalid_status"),
            (macro([.setPriority("critical")]), "actions[0].value", "invalid_priority"),
            (macro([.setStatus(.open), .assignGroup("After Sales")]), "actions[1].value", "invalid_key"),
            (macro([.assignUser("nobody")]), "actions[0].value", "invalid_email"),
            (macro([.addTags(["ok", ""])]), "actions[0].value[1]", "invalid_tag"),
            (macro([.removeTags(["a,b"])]), "actions[0].value[0]", "invalid_tag"),
            (macro([.setCustomField(key: "nope", value: .null)]), "actions[0].key", "unknown_field"),
            (macro([.setCustomField(key: "legacy", value: .string("x"))]), "actions[0].key", "unknown_field"),
            (
                macro([.setCustomField(key: "visit_on", value: .string("2023-02-29"))]), "actions[0].value",
                "invalid_field_value"
            ),
            (macro([.setCustomField(key: "fault", value: .string("smoke"))]), "actions[0].value", "invalid_option"),
            (macro([.setStatus(.open), .setStatus(.pending)]), "actions[1]", "duplicate_action"),
            (macro([.assignUser("a@b.cn"), .setType(.task), .assignUser("c@d.cn")]), "actions[2]", "duplicate_action"),
            (
                macro([
                    .setCustomField(key: "fault", value: .null), .setCustomField(key: "fault", value: .string("leak")),
                ]),
                "actions[1]", "duplicate_action"
            ),
            (macro([], reply: "{{ticket.nmber}}"), "reply_template", "unknown_placeholder"),
            (macro([], reply: "{{ticket.custom_fields.legacy}}"), "reply_template", "unknown_placeholder"),
            (macro([], reply: "{{ticket.custom_fields.cost}}"), "reply_template", "internal_field_in_public_reply"),
        ])
    func invalidMacroNamesTheOffendingField(macro: Macro, field: String, code: String) {
        let error = validationError { try macro.validate(customFields: Self.fields) }
        #expect(error?.field == field)
        #expect(error?.code == code)
    }

    @Test
    func macroTitleIsRequired() {
        var macro = Self.macro([.setStatus(.open)])
        macro.title = LocalizedText(zhCN: "", en: "")
        #expect(validationError { try macro.validate(customFields: Self.fields) }?.field == "title")
    }

    @Test
    func internalNoteMayShowInternalFields() {
        let macro = Self.macro([], reply: "成本 {{ticket.custom_fields.cost}}", isPublic: false)
        #expect(validationError { try macro.validate(customFields: Self.fields) } == nil)
    }

    @Test
    func tagActionsAndDistinctCustomFieldsMayRepeat() {
        let macro = Self.macro([
            .addTags(["a"]), .addTags(["b"]), .removeTags(["c"]), .removeTags(["d"]),
            .setCustomField(key: "fault", value: .string("leak")), .setCustomField(key: "visit_on", value: .null),
            .assignGroup("after-sales"), .assignUser("a@b.cn"),
        ])
        #expect(validationError { try macro.validate(customFields: Self.fields) } == nil)
    }
}
