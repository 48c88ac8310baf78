import ConciergeDomain
import Testing

@Suite("Trigger engine")
struct TriggerEngineTests {
    typealias F = RuleFixtures

    static func tagged(_ tag: String) -> RuleCondition { RuleCondition(.tags, .includes, .string(tag)) }
    static func untagged(_ tag: String) -> RuleCondition { RuleCondition(.tags, .notIncludes, .string(tag)) }

    @Test
    func triggersRunInPositionThenKeyOrderAndLaterOnesSeeEarlierChanges() throws {
        // given
        let engine = TriggerEngine(triggers: [
            try F.trigger("c-second", position: 2, all: [Self.tagged("b")], actions: [.addTags(["c"])]),
            try F.trigger("b-first", position: 1, all: [Self.tagged("a")], actions: [.addTags(["b"])]),
            try F.trigger("a-first", position: 1, actions: [.addTags(["a"])]),
        ])
        // when
        let outcome = engine.run(F.subject())
        // then
        #expect(outcome.firedRuleKeys == ["a-first", "b-first", "c-second"])
        #expect(outcome.ticket.tags == ["a", "b", "c"])
    }

    @Test
    func anEarlierTriggerFiresOnTheRestartWhenALaterOneMakesItsConditionTrue() throws {
        // given: B is checked before A, but only A's action makes B's condition true.
        let engine = TriggerEngine(triggers: [
            try F.trigger(
                "b", position: 1, all: [RuleCondition(.priority, .is, .string("urgent"))],
                actions: [.setGroup(F.group)]),
            try F.trigger("a", position: 2, all: [Self.tagged("vip")], actions: [.setPriority(.urgent)]),
        ])
        // when
        let outcome = engine.run(F.subject(F.ticket(tags: ["vip"])))
        // then
        #expect(outcome.firedRuleKeys == ["a", "b"])
        #expect(outcome.ticket.groupID == F.group)
        #expect(outcome.ticket.priority == .urgent)
        #expect(!outcome.reachedCycleLimit)
    }

    @Test
    func twoTriggersFlippingATagTerminateAndEachFiresOnce() throws {
        // given
        let engine = TriggerEngine(triggers: [
            try F.trigger(
                "to-y", position: 1, all: [Self.tagged("x")], actions: [.removeTags(["x"]), .addTags(["y"])]),
            try F.trigger(
                "to-x", position: 2, all: [Self.tagged("y")], actions: [.removeTags(["y"]), .addTags(["x"])]),
        ])
        // when
        let outcome = engine.run(F.subject(F.ticket(tags: ["x"])))
        // then
        #expect(outcome.firedRuleKeys == ["to-y", "to-x"])
        #expect(outcome.ticket.tags == ["x"])
        #expect(outcome.changes.isEmpty)
        #expect(!outcome.reachedCycleLimit)
    }

    @Test
    func stopProcessingEndsTheRunAfterTheTriggersOwnActions() throws {
        // given
        let engine = TriggerEngine(triggers: [
            try F.trigger("first", position: 1, actions: [.stopProcessing, .addTags(["first"])]),
            try F.trigger("second", position: 2, actions: [.addTags(["second"])]),
        ])
        // when
        let outcome = engine.run(F.subject())
        // then
        #expect(outcome.firedRuleKeys == ["first"])
        #expect(outcome.ticket.tags == ["first"])
        #expect(outcome.stoppedBy == "first")
    }

    @Test
    func onlyActiveTriggersListeningToTheEventRun() throws {
        // given
        var inactive = Trigger(
            key: "inactive", title: LocalizedText(zhCN: "停用", en: ""), events: [.commentAdded],
            conditions: RuleConditions(), actions: [.addTags(["inactive"])])
        inactive.active = false
        let engine = TriggerEngine(triggers: [
            try inactive.compiled(),
            try F.trigger("on-create", events: [.ticketCreated], actions: [.addTags(["created"])]),
            try F.trigger("on-comment", events: [.commentAdded, .ticketUpdated], actions: [.addTags(["commented"])]),
        ])
        // when
        let comment = engine.run(F.subject(event: .commentAdded))
        let scan = engine.run(F.subject(event: nil))
        // then
        #expect(comment.firedRuleKeys == ["on-comment"])
        #expect(scan.firedRuleKeys.isEmpty)
        #expect(scan.ticket == F.ticket())
    }

    @Test
    func changesByEarlierTriggersCountAsChangesWithoutPreviousState() throws {
        // given: a new ticket has no previous state; the first trigger's change is a change.
        let engine = TriggerEngine(triggers: [
            try F.trigger(
                "escalate", position: 1, events: [.ticketCreated], all: [Self.tagged("vip")],
                actions: [.setPriority(.urgent)]),
            try F.trigger(
                "page", position: 2, events: [.ticketCreated],
                all: [RuleCondition(.priority, .changedTo, .string("urgent"))],
                actions: [.notifyGroups([F.group], subject: "紧急", body: "{{ticket.number}}")]),
            try F.trigger(
                "never", position: 3, events: [.ticketCreated], all: [RuleCondition(.status, .changed)],
                actions: [.addTags(["never"])]),
        ])
        // when
        let outcome = engine.run(F.subject(F.ticket(status: .new, tags: ["vip"]), event: .ticketCreated))
        // then
        #expect(outcome.firedRuleKeys == ["escalate", "page"])
        #expect(outcome.intents.map(\.ruleKey) == ["page"])
    }

    @Test
    func aStatusChangeByATriggerResetsHoursSinceStatusChange() throws {
        // given
        let engine = TriggerEngine(triggers: [
            try F.trigger("pend", position: 1, actions: [.setStatus(.pending)]),
            try F.trigger(
                "fresh", position: 2, all: [RuleCondition(.hoursSinceStatusChange, .lessThan, .number(1))],
                actions: [.addTags(["fresh"])]),
        ])
        // when
        let outcome = engine.run(F.subject())
        // then
        #expect(outcome.firedRuleKeys == ["pend", "fresh"])
    }

    @Test
    func theCycleLimitEndsALongChainAndIsReported() throws {
        // given: each trigger enables the one before it, so every pass fires exactly one.
        let triggers = try (0..<5).map { index in
            try F.trigger(
                "t\(index)", position: index, all: index == 4 ? [] : [Self.tagged("s\(index + 1)")],
                actions: [.addTags(["s\(index)"])])
        }
        // when
        let limited = TriggerEngine(triggers: triggers, cycleLimit: 3).run(F.subject())
        let exact = TriggerEngine(triggers: triggers, cycleLimit: 5).run(F.subject())
        let settled = TriggerEngine(triggers: triggers).run(F.subject())
        // then
        #expect(limited.firedRuleKeys == ["t4", "t3", "t2"])
        #expect(limited.reachedCycleLimit)
        #expect(exact.firedRuleKeys == ["t4", "t3", "t2", "t1", "t0"])
        #expect(!exact.reachedCycleLimit)
        #expect(settled.firedRuleKeys == ["t4", "t3", "t2", "t1", "t0"])
        #expect(!settled.reachedCycleLimit)
    }

    @Test
    func aTriggerWithoutConditionsFiresForEveryEventItListensTo() throws {
        let engine = TriggerEngine(triggers: [try F.trigger("always", actions: [.addNote("记录")])])
        #expect(engine.run(F.subject()).firedRuleKeys == ["always"])
    }

    @Test
    func sameInputGivesTheSameOutcome() throws {
        // given
        let engine = TriggerEngine(triggers: [
            try F.trigger("a", all: [Self.untagged("a")], actions: [.addTags(["a"]), .addNote("{{ticket.tags}}")]),
            try F.trigger("b", all: [Self.tagged("a")], actions: [.setPriority(.high)]),
        ])
        let subject = F.subject()
        // then
        #expect(engine.run(subject) == engine.run(subject))
    }

    @Test
    func engineListsTheFieldsItsTriggersReadPerEvent() throws {
        // given
        let engine = TriggerEngine(triggers: [
            try F.trigger("a", events: [.ticketCreated], all: [Self.tagged("x")], actions: [.addTags(["a"])]),
            try F.trigger(
                "b", events: [.ticketCreated, .commentAdded],
                any: [RuleCondition(.withinBusinessHours, .is, .bool(false))], actions: [.addTags(["b"])]),
        ])
        // then
        #expect(engine.fields(for: .ticketCreated) == [.tags, .withinBusinessHours])
        #expect(engine.fields(for: .commentAdded) == [.withinBusinessHours])
        #expect(engine.fields(for: .slaBreach).isEmpty)
    }
}
