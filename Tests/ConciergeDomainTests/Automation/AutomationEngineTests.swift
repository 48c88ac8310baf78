import ConciergeDomain
import Foundation
import Testing

@Suite("Automation engine")
struct AutomationEngineTests {
    typealias F = RuleFixtures

    static let pending = RuleCondition(.status, .is, .string("pending"))
    static let stale = RuleCondition(.hoursSinceStatusChange, .greaterThan, .number(48))

    static func remind() throws -> CompiledAutomation {
        try F.automation(
            "remind", all: [pending, stale],
            actions: [.sendEmail(to: "requester", subject: "提醒", body: "工单 {{ticket.number}} 等待您的回复")])
    }

    static func scan(hoursAfterStatusChange hours: Double, status: TicketStatus = .pending) -> RuleSubject {
        F.subject(
            F.ticket(status: status), event: nil, now: F.now.addingTimeInterval(hours * 3600), statusChangedAt: F.now)
    }

    @Test(
        arguments: [
            (true, false, AutomationDecision.fire),
            (true, true, .skip),
            (false, true, .reset),
            (false, false, .idle),
        ])
    func decisionFollowsMatchAndMarker(matches: Bool, firedBefore: Bool, expected: AutomationDecision) {
        #expect(AutomationDecision.decide(matches: matches, firedBefore: firedBefore) == expected)
    }

    @Test
    func automationFiresOnceThenSkipsWhileItsConditionHolds() throws {
        // given
        let automations = [try Self.remind()]
        // when
        let first = AutomationEngine.evaluate(
            automations: automations, subject: Self.scan(hoursAfterStatusChange: 49), firedBefore: [])
        let second = AutomationEngine.evaluate(
            automations: automations, subject: Self.scan(hoursAfterStatusChange: 50),
            firedBefore: Set(first.markersToAdd))
        // then
        #expect(first.outcome.firedRuleKeys == ["remind"])
        #expect(first.markersToAdd == ["remind"])
        #expect(
            first.outcome.intents.map(\.effect) == [.sendEmail(to: .requester, subject: "提醒", body: "工单 1001 等待您的回复")])
        #expect(second.outcome.firedRuleKeys.isEmpty)
        #expect(second.decisions == [AutomationRun.Decision(key: "remind", decision: .skip)])
        #expect(second.markersToAdd.isEmpty && second.markersToRemove.isEmpty)
    }

    @Test
    func markerIsResetWhenTheConditionStopsHoldingSoItCanFireAgain() throws {
        // given
        let automations = [try Self.remind()]
        // when: the customer replied (ticket open), then it went pending again for two days.
        let replied = AutomationEngine.evaluate(
            automations: automations, subject: Self.scan(hoursAfterStatusChange: 60, status: .open),
            firedBefore: ["remind"])
        let again = AutomationEngine.evaluate(
            automations: automations, subject: Self.scan(hoursAfterStatusChange: 49), firedBefore: [])
        // then
        #expect(replied.markersToRemove == ["remind"])
        #expect(replied.outcome.firedRuleKeys.isEmpty)
        #expect(again.decisions.map(\.decision) == [.fire])
    }

    @Test
    func automationDoesNotFireBeforeItsTime() throws {
        let run = AutomationEngine.evaluate(
            automations: [try Self.remind()], subject: Self.scan(hoursAfterStatusChange: 47), firedBefore: [])
        #expect(run.decisions.map(\.decision) == [.idle])
        #expect(run.outcome.ticket == F.ticket(status: .pending))
    }

    @Test
    func laterAutomationsSeeEarlierOnesChanges() throws {
        // given
        let close = try F.automation(
            "close-stale", position: 1,
            all: [Self.pending, RuleCondition(.hoursSinceStatusChange, .greaterThan, .number(96))],
            actions: [.setStatus(.solved), .addTags(["auto_solved"])])
        let survey = try F.automation(
            "survey", position: 2,
            all: [
                RuleCondition(.status, .is, .string("solved")),
                RuleCondition(.hoursSinceCreated, .greaterThan, .number(1)),
            ],
            actions: [.sendEmail(to: "requester", subject: "满意度调查", body: "请评价")])
        // when
        let run = AutomationEngine.evaluate(
            automations: [survey, close], subject: Self.scan(hoursAfterStatusChange: 100), firedBefore: [])
        // then
        #expect(run.outcome.firedRuleKeys == ["close-stale", "survey"])
        #expect(run.outcome.ticket.status == .solved)
        #expect(run.outcome.ticket.version == 4)
        #expect(run.markersToAdd == ["close-stale", "survey"])
    }

    @Test
    func inactiveAutomationsAreNotEvaluated() throws {
        var automation = Automation(
            key: "off", title: LocalizedText(zhCN: "停用", en: ""), active: false,
            conditions: RuleConditions(all: [Self.stale]), actions: [.addTags(["x"])])
        let run = AutomationEngine.evaluate(
            automations: [try automation.compiled()], subject: Self.scan(hoursAfterStatusChange: 49),
            firedBefore: ["off"])
        #expect(run.decisions.isEmpty)
        automation.active = true
        #expect(try automation.compiled().active)
    }

    @Test(
        arguments: [
            ([pending], [RuleCondition](), "conditions.all", "time_condition_required"),
            ([pending], [stale], "conditions.all", "time_condition_required"),
            (
                [pending, RuleCondition(.hoursSinceCreated, .lessThan, .number(2))], [], "conditions.all",
                "time_condition_required"
            ),
            (
                [stale, RuleCondition(.event, .is, .string("sla_breach"))], [], "conditions.all[1].field",
                "field_not_available"
            ),
            (
                [stale], [RuleCondition(.commentBody, .contains, .string("x"))], "conditions.any[0].field",
                "field_not_available"
            ),
            ([stale, RuleCondition(.status, .changed)], [], "conditions.all[1].operator", "operator_not_allowed"),
            ([stale, RuleCondition(.status, .is, .string("x"))], [], "conditions.all[1].value", "unknown_value"),
        ])
    func invalidAutomationIsReportedWithItsPath(all: [RuleCondition], any: [RuleCondition], field: String, code: String)
    {
        let error = validationError { try F.automation("a", all: all, any: any, actions: [.addTags(["x"])]) }
        #expect(error?.field == field)
        #expect(error?.code == code)
    }
}
