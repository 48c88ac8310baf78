import ConciergeDomain
import Testing

@Suite("MacroTemplate")
struct MacroTemplateTests {
    static let context = MacroContext(
        ticketNumber: "10086", ticketSubject: "水泵漏水", ticketStatus: "pending", requesterName: "王小明",
        requesterEmail: "wang@example.cn", agentName: "张工程师", customFields: ["serial": "SN-42", "parts": "pump, valve"])

    @Test
    func everyPlaceholderIsRendered() {
        // given
        let template = MacroTemplate(
            "{{ticket.number}}|{{ticket.subject}}|{{ticket.status}}|{{requester.name}}|{{requester.first_name}}|"
                + "{{requester.email}}|{{agent.name}}|{{ticket.custom_fields.serial}}|{{ticket.custom_fields.parts}}")
        // when
        let text = template.render(Self.context)
        // then
        #expect(text == "10086|水泵漏水|pending|王小明|王小明|wang@example.cn|张工程师|SN-42|pump, valve")
    }

    @Test
    func chineseReplyAddressesTheRequesterByFullName() {
        let template = MacroTemplate("{{ requester.first_name }}您好，工单 #{{ticket.number}} 已由{{agent.name}}受理。")
        #expect(template.render(Self.context) == "王小明您好，工单 #10086 已由张工程师受理。")
    }

    @Test(
        arguments: [
            "{{ticket.number}}", "{{ ticket.number }}", "{{\tticket.number\t}}", "{{   ticket.number}}",
        ])
    func whitespaceInsideTheBracesIsTolerated(text: String) {
        #expect(MacroTemplate(text).render(Self.context) == "10086")
        #expect(MacroTemplate(text).placeholders == ["ticket.number"])
    }

    @Test(
        arguments: [
            ("a{{foo}}b", "ab"),
            ("{{ticket.custom_fields.missing}}!", "!"),
            ("{{Ticket.Number}}", ""),
            ("{{}}x", "x"),
            ("open {{ticket.number", "open {{ticket.number"),
            ("}} {{ticket.number}} {{", "}} 10086 {{"),
            ("{ticket.number}", "{ticket.number}"),
            ("{{{ticket.number}}}", "}"),
            ("no placeholders", "no placeholders"),
            ("", ""),
        ])
    func unknownPlaceholdersRenderEmptyAndStrayBracesStay(text: String, rendered: String) {
        #expect(MacroTemplate(text).render(Self.context) == rendered)
    }

    @Test
    func valuesAreInsertedWithoutEscaping() {
        var context = Self.context
        context.ticketSubject = "<b>Tom & Jerry</b> {{agent.name}}"
        #expect(MacroTemplate("Re: {{ticket.subject}}").render(context) == "Re: <b>Tom & Jerry</b> {{agent.name}}")
    }

    @Test
    func placeholdersAreListedOnceInOrderOfAppearance() {
        let template = MacroTemplate(
            "{{agent.name}} {{ticket.number}} {{ agent.name }} {{ticket.custom_fields.serial}}")
        #expect(template.placeholders == ["agent.name", "ticket.number", "ticket.custom_fields.serial"])
        #expect(template.customFieldKeys == ["serial"])
    }

    @Test
    func unknownPlaceholderErrorListsEveryUnknownName() {
        // given
        let template = MacroTemplate("{{foo}} {{ticket.numbr}} {{ticket.number}} {{foo}}")
        // when
        let error = validationError { try template.validate() }
        // then
        #expect(
            error
                == ValidationError(
                    field: "reply_template", code: "unknown_placeholder",
                    message: "unknown placeholder {{foo}}, {{ticket.numbr}}"))
    }

    @Test(
        arguments: [
            ("{{ticket.custom_fields.serial}}", [String]?.none, true),
            ("{{ticket.custom_fields.anything}}", nil, true),
            ("{{ticket.custom_fields.serial}}", ["serial"], true),
            ("{{ticket.custom_fields.model}}", ["serial"], false),
            ("{{ticket.custom_fields.Bad Key}}", nil, false),
            ("{{ticket.custom_fields.}}", nil, false),
            ("{{ticket.custom_fields}}", nil, false),
            ("{{}}", nil, false),
            ("{{requester.last_name}}", nil, false),
        ])
    func customFieldPlaceholdersMustNameAKnownField(text: String, keys: [String]?, valid: Bool) {
        let error = validationError { try MacroTemplate(text).validate(customFieldKeys: keys.map(Set.init)) }
        #expect((error == nil) == valid)
        if !valid { #expect(error?.code == "unknown_placeholder") }
    }

    @Test
    func everyFixedPlaceholderIsKnown() {
        let text = MacroTemplate.fixedPlaceholders.map { "{{\($0)}}" }.joined(separator: " ")
        #expect(MacroTemplate(text).unknownPlaceholders().isEmpty)
        #expect(MacroTemplate.fixedPlaceholders.count == 7)
    }
}
