import ConciergeDomain
import Testing

@Suite("Rule conditions on changes")
struct ChangedConditionTests {
    typealias F = RuleFixtures

    static let reopened = F.subject(F.ticket(status: .open), previous: F.ticket(status: .pending))
    static let unchanged = F.subject(F.ticket(status: .open), previous: F.ticket(status: .open))
    static let created = F.subject(F.ticket(status: .new), previous: nil, event: .ticketCreated)
    static let escalated = F.subject(
        F.ticket(priority: .urgent, assigneeID: F.agent, customFields: ["fault": .string("Leak")]),
        previous: F.ticket(priority: .normal, groupID: F.group, customFields: ["fault": .string("noise")]))
    static let renamed = F.subject(F.ticket(subject: "打印机冒烟"), previous: F.ticket(subject: "打印机无法开机"))

    static func status(_ op: RuleOperator, _ value: String? = nil) -> RuleCondition {
        RuleCondition(.status, op, value.map(JSONValue.string))
    }

    static let cases: [ConditionCase] = [
        .init("changed", status(.changed), reopened, true),
        .init("changed, same status", status(.changed), unchanged, false),
        .init("not_changed", status(.notChanged), unchanged, true),
        .init("not_changed after a change", status(.notChanged), reopened, false),
        .init("changed_to open", status(.changedTo, "open"), reopened, true),
        .init("changed_to solved", status(.changedTo, "solved"), reopened, false),
        .init("changed_to open without change", status(.changedTo, "open"), unchanged, false),
        .init("changed_from pending", status(.changedFrom, "pending"), reopened, true),
        .init("changed_from open", status(.changedFrom, "open"), reopened, false),
        .init("changed_from open without change", status(.changedFrom, "open"), unchanged, false),
        .init("changed without previous state", status(.changed), created, false),
        .init("not_changed without previous state", status(.notChanged), created, true),
        .init("changed_to without previous state", status(.changedTo, "new"), created, false),
        .init("changed_from without previous state", status(.changedFrom, "new"), created, false),
        .init(
            "priority changed_to urgent", RuleCondition(.priority, .changedTo, .string("urgent")), escalated, true),
        .init(
            "priority changed_from normal", RuleCondition(.priority, .changedFrom, .string("normal")), escalated,
            true),
        .init("assignee changed (set)", RuleCondition(.assigneeID, .changed), escalated, true),
        .init(
            "assignee changed_to agent", RuleCondition(.assigneeID, .changedTo, .string(F.agent.description)),
            escalated, true),
        .init("group changed (cleared)", RuleCondition(.groupID, .changed), escalated, true),
        .init(
            "group changed_from group", RuleCondition(.groupID, .changedFrom, .string(F.group.description)),
            escalated, true),
        .init("type not_changed", RuleCondition(.type, .notChanged), escalated, true),
        .init("organization not_changed", RuleCondition(.organizationID, .notChanged), escalated, true),
        .init("custom field changed", RuleCondition(.customField("fault"), .changed), escalated, true),
        .init(
            "custom field changed_to ignores case", RuleCondition(.customField("fault"), .changedTo, .string("leak")),
            escalated, true),
        .init(
            "custom field changed_from", RuleCondition(.customField("fault"), .changedFrom, .string("Noise")),
            escalated, true),
        .init("subject changed", RuleCondition(.subject, .changed), renamed, true),
        .init("subject not_changed", RuleCondition(.subject, .notChanged), escalated, true),
    ]

    @Test(arguments: cases)
    func changeConditionHoldsAsTabled(_ row: ConditionCase) throws {
        #expect(try F.holds(row.condition, row.subject) == row.expected)
    }
}
