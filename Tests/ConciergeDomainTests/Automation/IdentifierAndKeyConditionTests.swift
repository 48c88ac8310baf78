import ConciergeDomain
import Testing

@Suite("Rule conditions on ids and keys")
struct IdentifierAndKeyConditionTests {
    typealias F = RuleFixtures

    static let group = JSONValue.string(F.group.description)
    static let agent = JSONValue.string(F.agent.description)
    static let vip = RequesterFacts(name: "王小明", email: "Wang@Example.cn", tier: "VIP", locale: "zh-CN")
    static let gold = OrganizationFacts(name: "上海某某科技有限公司", tier: "gold", tags: ["key_account"])

    static let cases: [ConditionCase] = [
        .init("group_id is", RuleCondition(.groupID, .is, group), F.subject(F.ticket(groupID: F.group)), true),
        .init(
            "group_id is other", RuleCondition(.groupID, .is, group), F.subject(F.ticket(groupID: F.otherGroup)),
            false),
        .init("group_id is without group", RuleCondition(.groupID, .is, group), F.subject(), false),
        .init("group_id is_not without group", RuleCondition(.groupID, .isNot, group), F.subject(), true),
        .init(
            "group_id is uppercase UUID", RuleCondition(.groupID, .is, .string(F.group.description.uppercased())),
            F.subject(F.ticket(groupID: F.group)), true),
        .init("group_id present", RuleCondition(.groupID, .present), F.subject(F.ticket(groupID: F.group)), true),
        .init("group_id present without", RuleCondition(.groupID, .present), F.subject(), false),
        .init("group_id blank without", RuleCondition(.groupID, .blank), F.subject(), true),
        .init("assignee_id is", RuleCondition(.assigneeID, .is, agent), F.subject(F.ticket(assigneeID: F.agent)), true),
        .init(
            "assignee_id is_not", RuleCondition(.assigneeID, .isNot, agent),
            F.subject(F.ticket(assigneeID: F.otherAgent)), true),
        .init("assignee_id blank", RuleCondition(.assigneeID, .blank), F.subject(F.ticket(assigneeID: F.agent)), false),
        .init(
            "organization_id is", RuleCondition(.organizationID, .is, .string(F.organization.description)),
            F.subject(F.ticket(organizationID: F.organization)), true),
        .init("organization_id blank", RuleCondition(.organizationID, .blank), F.subject(), true),
        .init(
            "requester.tier is ignores case", RuleCondition(.requesterTier, .is, .string("vip")),
            F.subject(requester: vip), true),
        .init(
            "requester.tier is other", RuleCondition(.requesterTier, .is, .string("svip")), F.subject(requester: vip),
            false),
        .init("requester.tier is without tier", RuleCondition(.requesterTier, .is, .string("vip")), F.subject(), false),
        .init(
            "requester.tier is_not without tier", RuleCondition(.requesterTier, .isNot, .string("vip")), F.subject(),
            true),
        .init("requester.tier present", RuleCondition(.requesterTier, .present), F.subject(requester: vip), true),
        .init("requester.tier blank", RuleCondition(.requesterTier, .blank), F.subject(), true),
        .init(
            "requester.locale is", RuleCondition(.requesterLocale, .is, .string("zh-cn")), F.subject(requester: vip),
            true),
        .init(
            "requester.email is ignores case", RuleCondition(.requesterEmail, .is, .string("wang@example.CN")),
            F.subject(requester: vip), true),
        .init(
            "requester.email contains domain", RuleCondition(.requesterEmail, .contains, .string("@example.cn")),
            F.subject(requester: vip), true),
        .init(
            "organization.tier is", RuleCondition(.organizationTier, .is, .string("gold")),
            F.subject(organization: gold), true),
        .init(
            "organization.tier is without organization", RuleCondition(.organizationTier, .is, .string("gold")),
            F.subject(), false),
        .init(
            "organization.tier blank without organization", RuleCondition(.organizationTier, .blank), F.subject(), true),
        .init(
            "organization.name contains", RuleCondition(.organizationName, .contains, .string("某某科技")),
            F.subject(organization: gold), true),
        .init(
            "sla.metric is", RuleCondition(.slaMetric, .is, .string("first_reply")),
            F.subject(event: .slaWarning, slaMetric: .firstReply), true),
        .init(
            "sla.metric is other", RuleCondition(.slaMetric, .is, .string("resolution")),
            F.subject(event: .slaWarning, slaMetric: .firstReply), false),
        .init("sla.metric blank", RuleCondition(.slaMetric, .blank), F.subject(), true),
        .init(
            "sla.metric present", RuleCondition(.slaMetric, .present),
            F.subject(event: .slaBreach, slaMetric: .resolution), true),
        .init(
            "form_key is", RuleCondition(.formKey, .is, .string("repair")), F.subject(F.ticket(formKey: "repair")),
            true),
        .init("form_key blank", RuleCondition(.formKey, .blank), F.subject(), true),
        .init("form_key present", RuleCondition(.formKey, .present), F.subject(F.ticket(formKey: "repair")), true),
    ]

    @Test(arguments: cases)
    func idAndKeyConditionHoldsAsTabled(_ row: ConditionCase) throws {
        #expect(try F.holds(row.condition, row.subject) == row.expected)
    }
}
