import ConciergeDomain
import Testing

@Suite("Rule conditions on tags")
struct TagConditionTests {
    typealias F = RuleFixtures

    static func tags(_ values: String...) -> JSONValue { .array(values.map(JSONValue.string)) }

    static let tagged = F.subject(
        F.ticket(tags: ["printer", "售后"]),
        requester: RequesterFacts(name: "Li Wei", tags: ["blacklist"]),
        organization: OrganizationFacts(name: "ACME", tags: ["key_account"]))

    static let cases: [ConditionCase] = [
        .init("includes one of", RuleCondition(.tags, .includes, tags("vip", "printer")), tagged, true),
        .init("includes Chinese tag", RuleCondition(.tags, .includes, tags("售后")), tagged, true),
        .init("includes none of", RuleCondition(.tags, .includes, tags("vip", "refund")), tagged, false),
        .init("includes a single tag string", RuleCondition(.tags, .includes, .string("printer")), tagged, true),
        .init("includes normalises rule tags", RuleCondition(.tags, .includes, tags("  PRINTER ")), tagged, true),
        .init("not_includes when absent", RuleCondition(.tags, .notIncludes, tags("vip")), tagged, true),
        .init("not_includes when one present", RuleCondition(.tags, .notIncludes, tags("vip", "售后")), tagged, false),
        .init("present with tags", RuleCondition(.tags, .present), tagged, true),
        .init("blank without tags", RuleCondition(.tags, .blank), F.subject(), true),
        .init("present without tags", RuleCondition(.tags, .present), F.subject(), false),
        .init("requester.tags includes", RuleCondition(.requesterTags, .includes, tags("blacklist")), tagged, true),
        .init(
            "requester.tags not_includes", RuleCondition(.requesterTags, .notIncludes, tags("blacklist")), tagged, false
        ),
        .init(
            "organization.tags includes", RuleCondition(.organizationTags, .includes, tags("key_account")), tagged, true
        ),
        .init(
            "organization.tags includes without organization",
            RuleCondition(.organizationTags, .includes, tags("key_account")), F.subject(), false),
        .init(
            "organization.tags not_includes without organization",
            RuleCondition(.organizationTags, .notIncludes, tags("key_account")), F.subject(), true),
        .init(
            "organization.tags blank without organization", RuleCondition(.organizationTags, .blank), F.subject(), true),
    ]

    @Test(arguments: cases)
    func tagConditionHoldsAsTabled(_ row: ConditionCase) throws {
        #expect(try F.holds(row.condition, row.subject) == row.expected)
    }
}
