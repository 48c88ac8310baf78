import ConciergeDomain
import Testing

@Suite("Rule condition groups (all / any)")
struct ConditionGroupTests {
    typealias F = RuleFixtures

    static let yes = RuleCondition(.status, .is, .string("open"))
    static let no = RuleCondition(.status, .is, .string("solved"))

    @Test(
        arguments: [
            ([RuleCondition](), [RuleCondition](), true),
            ([yes], [], true),
            ([no], [], false),
            ([yes, yes], [], true),
            ([yes, no], [], false),
            ([], [yes], true),
            ([], [no], false),
            ([], [no, yes], true),
            ([], [no, no], false),
            ([yes], [no, yes], true),
            ([yes], [no, no], false),
            ([no], [yes], false),
            ([yes, yes], [yes], true),
        ])
    func allMustHoldAndOneOfANonEmptyAnyMustHold(all: [RuleCondition], any: [RuleCondition], expected: Bool) throws {
        // given
        let conditions = try RuleConditions(all: all, any: any).compiled()
        // when
        let matches = conditions.matches(F.subject())
        // then
        #expect(matches == expected)
    }

    @Test
    func compiledConditionsListTheFieldsTheyRead() throws {
        // given
        let conditions = try RuleConditions(
            all: [Self.yes, RuleCondition(.tags, .includes, .string("vip"))],
            any: [RuleCondition(.customField("fault"), .present)]
        ).compiled()
        // then
        #expect(conditions.fields == [.status, .tags, .customField("fault")])
    }
}
