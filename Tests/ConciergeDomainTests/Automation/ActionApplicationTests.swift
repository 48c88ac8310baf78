import ConciergeDomain
import Foundation
import Testing

@Suite("Rule action application")
struct ActionApplicationTests {
    typealias F = RuleFixtures

    /// Runs one always-firing trigger with `actions` on `ticket`.
    static func run(_ actions: [RuleAction], on ticket: Ticket = F.ticket(), requester: RequesterFacts? = nil)
        throws -> RuleOutcome
    {
        let engine = TriggerEngine(triggers: [try F.trigger("rule", actions: actions)])
        return engine.run(
            F.subject(ticket, requester: requester ?? RequesterFacts(name: "王小明", email: "wang@example.cn")))
    }

    @Test
    func fieldActionsApplyInOrderAsOneUpdate() throws {
        // when
        let outcome = try Self.run([
            .setStatus(.pending), .setPriority(.urgent), .setType(.incident), .setGroup(F.group),
            .setAssignee(F.agent), .setCustomField(key: "fault", value: .string("leak")),
        ])
        // then
        let ticket = outcome.ticket
        #expect(ticket.status == .pending)
        #expect(ticket.priority == .urgent)
        #expect(ticket.type == .incident)
        #expect(ticket.groupID == F.group)
        #expect(ticket.assigneeID == F.agent)
        #expect(ticket.customFields == ["fault": .string("leak")])
        #expect(ticket.version == 4)
        #expect(ticket.updatedAt == F.now)
        #expect(
            outcome.changes.map(\.field) == [
                "status", "priority", "type", "assignee_id", "group_id", "custom_fields.fault",
            ])
        #expect(outcome.skippedActions.isEmpty)
    }

    @Test(
        arguments: [
            ([RuleAction.addTags(["VIP", "售后"])], ["printer"], ["printer", "vip", "售后"]),
            ([.removeTags(["printer"])], ["printer", "vip"], ["vip"]),
            ([.removeTags(["absent"])], ["printer"], ["printer"]),
            ([.setTags(["b", "a"])], ["printer"], ["a", "b"]),
            ([.setTags([])], ["printer"], []),
            ([.addTags(["x"]), .removeTags(["printer"])], ["printer"], ["x"]),
        ])
    func tagActionsKeepTagsNormalisedAndSorted(actions: [RuleAction], before: [String], after: [String]) throws {
        let outcome = try Self.run(actions, on: F.ticket(tags: before))
        #expect(outcome.ticket.tags == after)
    }

    @Test
    func actionsThatChangeNothingLeaveVersionAndUpdatedAt() throws {
        // when
        let outcome = try Self.run([.setStatus(.open), .addTags(["vip"]), .removeTags(["vip"])])
        // then
        #expect(outcome.ticket == F.ticket())
        #expect(outcome.changes.isEmpty)
        #expect(outcome.firedRuleKeys == ["rule"])
    }

    @Test(
        arguments: [
            (TicketStatus.open, TicketStatus.closed),
            (.pending, .closed),
            (.new, .closed),
        ])
    func illegalStatusTransitionIsSkippedAndReported(from: TicketStatus, to: TicketStatus) throws {
        // when
        let outcome = try Self.run([.setStatus(to), .addTags(["checked"])], on: F.ticket(status: from))
        // then
        #expect(outcome.ticket.status == from)
        #expect(outcome.ticket.tags == ["checked"])
        #expect(
            outcome.skippedActions == [
                SkippedAction(
                    ruleKey: "rule", actionIndex: 0, action: "set_status", code: "invalid_transition",
                    message: "cannot change from \(from.rawValue) to \(to.rawValue)")
            ])
    }

    @Test
    func solvingThroughARuleStampsSolvedAt() throws {
        let outcome = try Self.run([.setStatus(.solved)])
        #expect(outcome.ticket.solvedAt == F.now)
    }

    @Test
    func fieldActionsOnAClosedTicketAreSkipped() throws {
        // when
        let outcome = try Self.run([.setPriority(.urgent), .addNote("已关闭")], on: F.ticket(status: .closed))
        // then
        #expect(outcome.ticket.priority == .normal)
        #expect(outcome.skippedActions.map(\.code) == ["ticket_closed"])
        #expect(outcome.intents.count == 1)
    }

    @Test
    func addingTagsBeyondTheLimitIsSkipped() throws {
        // given
        let full = F.ticket(tags: (0..<100).map { "t\($0)" })
        // when
        let outcome = try Self.run([.addTags(["one-more"])], on: full)
        // then
        #expect(outcome.ticket.tags.count == 100)
        #expect(outcome.skippedActions.map(\.code) == ["too_many_tags"])
    }

    @Test
    func sideEffectsBecomeIntentsRenderedAgainstTheFinalTicket() throws {
        // when
        let outcome = try Self.run(
            [
                .addNote("工单 {{ticket.number}} 优先级 {{ticket.priority}}"),
                .notifyUsers([F.agent], subject: "#{{ticket.number}}", body: "{{requester.first_name}} 来信"),
                .notifyGroups([F.group], subject: "新工单", body: "{{ticket.subject}}"),
                .sendEmail(to: "requester", subject: "已受理", body: "您好 {{requester.name}}"),
                .sendEmail(to: "Ops@Example.cn", subject: "抄送", body: "{{ticket.status}}"),
                .callConnector(
                    "erp",
                    payload: .object([
                        "no": .string("{{ticket.number}}"), "n": .number(1),
                        "tags": .array([.string("{{ticket.tags}}")]),
                    ])),
                .setPriority(.urgent), .addTags(["vip"]),
            ], requester: RequesterFacts(name: "王小明", email: "wang@example.cn"))
        // then
        #expect(
            outcome.intents.map(\.effect) == [
                .internalNote(body: "工单 1001 优先级 urgent"),
                .notifyUsers([F.agent], subject: "#1001", body: "王小明 来信"),
                .notifyGroups([F.group], subject: "新工单", body: "打印机无法开机"),
                .sendEmail(to: .requester, subject: "已受理", body: "您好 王小明"),
                .sendEmail(to: .address("ops@example.cn"), subject: "抄送", body: "open"),
                .callConnector(
                    connector: "erp",
                    payload: .object(["no": .string("1001"), "n": .number(1), "tags": .array([.string("vip")])])),
            ])
        #expect(Set(outcome.intents.map(\.ruleKey)) == ["rule"])
    }

    @Test
    func notifyAssigneeUsesTheFinalAssigneeOrIsSkipped() throws {
        // when
        let assigned = try Self.run([.notifyAssignee(subject: "s", body: "b"), .setAssignee(F.agent)])
        let unassigned = try Self.run([.notifyAssignee(subject: "s", body: "b")])
        // then
        #expect(assigned.intents.map(\.effect) == [.notifyUsers([F.agent], subject: "s", body: "b")])
        #expect(unassigned.intents.isEmpty)
        #expect(unassigned.skippedActions.map(\.code) == ["no_assignee"])
        #expect(unassigned.skippedActions.map(\.actionIndex) == [0])
    }

    @Test
    func unassigningClearsAssigneeAndGroup() throws {
        let outcome = try Self.run(
            [.setAssignee(nil), .setGroup(nil)], on: F.ticket(assigneeID: F.agent, groupID: F.group))
        #expect(outcome.ticket.assigneeID == nil)
        #expect(outcome.ticket.groupID == nil)
    }
}
