import ConciergeDomain
import Testing

@Suite("Rule templates")
struct RuleTemplateTests {
    typealias F = RuleFixtures

    static let subject = F.subject(
        F.ticket(
            priority: .high, type: .incident, tags: ["vip", "售后"],
            customFields: ["units": .number(3), "ok": .bool(true)]),
        requester: RequesterFacts(name: "Li Wei", email: "li@example.cn"),
        organization: OrganizationFacts(name: "上海某某科技"),
        comment: CommentFacts(body: "我要申请退货", isPublic: true, author: .customer), slaMetric: .firstReply)

    @Test(
        arguments: [
            ("工单 {{ticket.number}}：{{ticket.subject}}", "工单 1001：打印机无法开机"),
            ("{{ ticket.status }}/{{ticket.priority}}/{{ticket.type}}/{{ticket.channel}}", "open/high/incident/email"),
            ("{{ticket.tags}}", "vip, 售后"),
            ("{{ticket.id}}", "00000000-0000-0000-0000-0000000000d1"),
            ("Hi {{requester.first_name}} ({{requester.name}}, {{requester.email}})", "Hi Li (Li Wei, li@example.cn)"),
            ("{{organization.name}}", "上海某某科技"),
            ("{{comment.body}} [{{sla.metric}}]", "我要申请退货 [first_reply]"),
            ("{{ticket.custom_fields.units}} {{ticket.custom_fields.ok}} [{{ticket.custom_fields.none}}]", "3 true []"),
            ("{{ticket.number", "{{ticket.number"),
            ("no placeholders", "no placeholders"),
        ])
    func placeholdersAreReplacedByTheSubjectsValues(template: String, expected: String) {
        #expect(RuleTemplate(template).render(Self.subject) == expected)
    }

    @Test
    func chineseNamesAreAddressedWhole() {
        let subject = F.subject(requester: RequesterFacts(name: "王小明"))
        #expect(RuleTemplate("您好 {{requester.first_name}}").render(subject) == "您好 王小明")
    }

    @Test
    func missingFactsRenderAsNothing() {
        #expect(
            RuleTemplate("[{{organization.name}}][{{comment.body}}][{{sla.metric}}]").render(
                F.subject(requester: RequesterFacts(name: ""))) == "[][][]")
    }

    @Test
    func unknownPlaceholdersAreAllListed() {
        let error = validationError {
            try RuleTemplate("{{agent.name}} {{ticket.number}} {{ticket.secret}} {{agent.name}}").validate(
                customFieldKeys: nil, field: "body")
        }
        #expect(
            error
                == ValidationError(
                    field: "body", code: "unknown_placeholder",
                    message: "unknown placeholder {{agent.name}}, {{ticket.secret}}"))
    }

    @Test
    func customFieldPlaceholdersAreCheckedAgainstTheKnownKeys() {
        let template = RuleTemplate("{{ticket.custom_fields.units}}")
        #expect(validationError { try template.validate(customFieldKeys: nil, field: "body") } == nil)
        #expect(validationError { try template.validate(customFieldKeys: ["units"], field: "body") } == nil)
        #expect(
            validationError { try template.validate(customFieldKeys: [], field: "body") }?.code == "unknown_placeholder"
        )
    }
}
