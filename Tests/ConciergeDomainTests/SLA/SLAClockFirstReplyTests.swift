import ConciergeDomain
import Foundation
import Testing

/// First reply under the standard policy (normal: 4 business hours) on the Shanghai office
/// calendar (09:00–12:00, 13:30–18:00). A normal ticket created Monday 2026-03-09 09:00 is
/// due at 14:30 and warns (80 %, 3 h 12 min) at 13:42.
@Suite("SLAClock: first reply")
struct SLAClockFirstReplyTests {
    static func at(_ text: String) -> Date { SLAFixtures.date(text) }

    static func firstReply(
        created: String = "2026-03-09T09:00:00+08:00", priority: TicketPriority = .normal, events: [SLAEvent] = [],
        now: String, policy: SLAPolicy = SLAFixtures.policy
    ) throws -> SLAMetricState? {
        try SLAFixtures.evaluate(created: created, priority: priority, events: events, now: now, policy: policy)[
            .firstReply]
    }

    @Test func aReplyWithinTargetFulfilsIt() throws {
        // when
        let state = try Self.firstReply(
            events: [.agentReplied(at: Self.at("2026-03-09T11:00:00+08:00"))], now: "2026-03-09T12:00:00+08:00")
        // then
        #expect(
            state
                == SLAMetricState(
                    metric: .firstReply, status: .fulfilled, target: SLATarget(minutes: 240),
                    startedAt: Self.at("2026-03-09T09:00:00+08:00"), targetAt: Self.at("2026-03-09T14:30:00+08:00"),
                    warningAt: Self.at("2026-03-09T13:42:00+08:00"), fulfilledAt: Self.at("2026-03-09T11:00:00+08:00"),
                    breachedAt: nil, elapsed: SLAFixtures.hours(2), pausedDuration: 0))
    }

    /// (agent reply or nil, now, status, breached at).
    static let outcomes: [(String?, String, SLAMetricState.Status, String?)] = [
        (nil, "2026-03-09T10:00:00+08:00", .active, nil),
        (nil, "2026-03-09T14:29:59+08:00", .active, nil),
        (nil, "2026-03-09T14:30:00+08:00", .breachedOpen, "2026-03-09T14:30:00+08:00"),
        (nil, "2026-03-09T15:00:00+08:00", .breachedOpen, "2026-03-09T14:30:00+08:00"),
        (nil, "2026-03-16T15:00:00+08:00", .breachedOpen, "2026-03-09T14:30:00+08:00"),
        ("2026-03-09T14:30:00+08:00", "2026-03-09T15:00:00+08:00", .fulfilled, nil),
        ("2026-03-09T14:30:01+08:00", "2026-03-09T15:00:00+08:00", .breachedFulfilled, "2026-03-09T14:30:00+08:00"),
        ("2026-03-09T16:00:00+08:00", "2026-03-10T09:00:00+08:00", .breachedFulfilled, "2026-03-09T14:30:00+08:00"),
        // a reply after `now` has not happened yet
        ("2026-03-09T11:00:00+08:00", "2026-03-09T10:00:00+08:00", .active, nil),
    ]

    @Test(arguments: outcomes)
    func theDeadlineDecidesBetweenMetAndBreached(
        _ reply: String?, _ now: String, _ status: SLAMetricState.Status, _ breachedAt: String?
    ) throws {
        // given
        let events = reply.map { [SLAEvent.agentReplied(at: Self.at($0))] } ?? []
        // when
        let state = try Self.firstReply(events: events, now: now)
        // then
        #expect(state?.status == status)
        #expect(state?.breachedAt == breachedAt.map(Self.at))
        #expect(state?.targetAt == Self.at("2026-03-09T14:30:00+08:00"))
    }

    @Test func aTicketCreatedOutsideHoursStartsCountingAtTheNextOpening() throws {
        // given: created Friday 19:00
        let now = Self.at("2026-03-09T09:30:00+08:00")
        // when
        let state = try #require(
            try Self.firstReply(created: "2026-03-06T19:00:00+08:00", now: "2026-03-09T09:30:00+08:00"))
        // then
        #expect(state.status == .active)
        #expect(state.startedAt == Self.at("2026-03-06T19:00:00+08:00"))
        #expect(state.targetAt == Self.at("2026-03-09T14:30:00+08:00"))
        #expect(state.elapsed == SLAFixtures.hours(0.5))
        #expect(state.remaining(at: now) == SLAFixtures.hours(5))
    }

    @Test(arguments: [TicketStatus.solved, .closed])
    func solvingWithoutAReplyFulfilsIt(_ status: TicketStatus) throws {
        let state = try Self.firstReply(
            events: [.statusChanged(to: status, at: Self.at("2026-03-09T10:00:00+08:00"))],
            now: "2026-03-09T15:00:00+08:00")
        #expect(state?.status == .fulfilled)
        #expect(state?.fulfilledAt == Self.at("2026-03-09T10:00:00+08:00"))
    }

    @Test(arguments: [TicketStatus.solved, .closed])
    func aTicketRecordedAsSolvedOwesNoReply(_ status: TicketStatus) throws {
        // when
        let states = try SLAClock.evaluate(
            policy: SLAFixtures.policy, calendar: SLAFixtures.shanghaiOffice,
            timeline: SLATimeline(
                createdAt: Self.at("2026-03-09T09:00:00+08:00"), initialStatus: status, initialPriority: .normal),
            now: Self.at("2026-03-10T09:00:00+08:00"))
        // then
        #expect(states[.firstReply]?.status == .fulfilled)
        #expect(states[.firstReply]?.fulfilledAt == Self.at("2026-03-09T09:00:00+08:00"))
        #expect(states[.resolution]?.status == .fulfilled)
        #expect(states[.resolution]?.elapsed == 0)
        #expect(states[.nextReply] == nil)
    }

    @Test func eventsDatedBeforeCreationCountAsAtCreation() throws {
        let state = try Self.firstReply(
            events: [.agentReplied(at: Self.at("2026-03-09T08:00:00+08:00"))], now: "2026-03-09T10:00:00+08:00")
        #expect(state?.fulfilledAt == Self.at("2026-03-09T09:00:00+08:00"))
        #expect(state?.elapsed == 0)
    }

    @Test func aRequesterReplyDoesNotFulfilIt() throws {
        let state = try Self.firstReply(
            events: [.requesterReplied(at: Self.at("2026-03-09T10:00:00+08:00"))], now: "2026-03-09T11:00:00+08:00")
        #expect(state?.status == .active)
        #expect(state?.fulfilledAt == nil)
    }

    @Test func anUrgentTargetInCalendarTimeRunsThroughTheWeekend() throws {
        // when: created Saturday 10:00, urgent is 60 minutes around the clock
        let state = try #require(
            try Self.firstReply(
                created: "2026-03-07T10:00:00+08:00", priority: .urgent, now: "2026-03-07T10:30:00+08:00"))
        // then
        #expect(state.status == .active)
        #expect(state.target == SLATarget(minutes: 60, businessHours: false))
        #expect(state.targetAt == Self.at("2026-03-07T11:00:00+08:00"))
        #expect(state.warningAt == Self.at("2026-03-07T10:48:00+08:00"))
        #expect(state.elapsed == SLAFixtures.hours(0.5))
    }

    @Test func aWarningInMinutesBeforeCountsInBusinessTime() throws {
        // given
        var policy = SLAFixtures.policy
        policy.warning = .minutesBefore(30)
        // when
        let state = try Self.firstReply(now: "2026-03-09T10:00:00+08:00", policy: policy)
        // then
        #expect(state?.warningAt == Self.at("2026-03-09T14:00:00+08:00"))
    }

    @Test func pendingPausesFirstReplyOnlyWhenThePolicySaysSo() throws {
        // given: pending 10:00–11:00, reply 14:00
        let events: [SLAEvent] = [
            .statusChanged(to: .pending, at: Self.at("2026-03-09T10:00:00+08:00")),
            .statusChanged(to: .open, at: Self.at("2026-03-09T11:00:00+08:00")),
            .agentReplied(at: Self.at("2026-03-09T14:00:00+08:00")),
        ]
        var pausing = SLAFixtures.policy
        pausing.pauseOn = [.firstReply: [.pending]]
        // when
        let paused = try #require(
            try Self.firstReply(events: events, now: "2026-03-09T15:00:00+08:00", policy: pausing))
        let counted = try #require(try Self.firstReply(events: events, now: "2026-03-09T15:00:00+08:00"))
        // then
        #expect(paused.elapsed == SLAFixtures.hours(2.5))
        #expect(paused.pausedDuration == SLAFixtures.hours(1))
        #expect(paused.targetAt == Self.at("2026-03-09T15:30:00+08:00"))
        #expect(counted.elapsed == SLAFixtures.hours(3.5))
        #expect(counted.pausedDuration == 0)
        #expect(counted.targetAt == Self.at("2026-03-09T14:30:00+08:00"))
    }

    @Test func theOrderOfTheEventsGivenDoesNotMatter() throws {
        // given
        let events: [SLAEvent] = [
            .agentReplied(at: Self.at("2026-03-09T14:00:00+08:00")),
            .statusChanged(to: .open, at: Self.at("2026-03-09T11:00:00+08:00")),
            .statusChanged(to: .pending, at: Self.at("2026-03-09T10:00:00+08:00")),
        ]
        // when
        let shuffled = try SLAFixtures.evaluate(
            created: "2026-03-09T09:00:00+08:00", events: events, now: "2026-03-09T15:00:00+08:00")
        let ordered = try SLAFixtures.evaluate(
            created: "2026-03-09T09:00:00+08:00", events: events.reversed(), now: "2026-03-09T15:00:00+08:00")
        // then
        #expect(shuffled == ordered)
    }

    @Test func aBreachMomentDoesNotMoveWithLaterEvaluations() throws {
        let breaches = try ["2026-03-09T15:00:00+08:00", "2026-03-10T09:00:00+08:00", "2026-04-01T00:00:00+08:00"].map {
            try Self.firstReply(now: $0)?.breachedAt
        }
        #expect(breaches == Array(repeating: Self.at("2026-03-09T14:30:00+08:00"), count: 3))
    }

    @Test func aPriorityWithoutATargetIsNotMeasured() throws {
        // given: the standard policy sets requester wait only for normal tickets
        let states = try SLAFixtures.evaluate(
            created: "2026-03-09T09:00:00+08:00", priority: .low, now: "2026-03-09T10:00:00+08:00")
        // then
        #expect(Set(states.keys) == [.firstReply])
        #expect(states[.firstReply]?.targetAt == Self.at("2026-03-10T09:30:00+08:00"))
    }

    @Test func newYorkDeadlinesFollowTheDaylightSavingChange() throws {
        // given: created Friday 16:00 EST before the change; 4 business hours on 09:00–17:00
        let state = try #require(
            try SLAFixtures.evaluate(
                created: "2026-03-06T16:00:00-05:00", now: "2026-03-09T09:30:00-04:00",
                calendar: SLAFixtures.newYorkOffice)[.firstReply])
        // then
        #expect(state.targetAt == Self.at("2026-03-09T12:00:00-04:00"))
        #expect(state.elapsed == SLAFixtures.hours(1.5))
    }

    @Test func aCalendarWithoutWorkingTimeIsAnErrorNotAHang() {
        #expect(throws: BusinessCalendarError.self) {
            try SLAFixtures.evaluate(
                created: "2026-03-09T09:00:00+08:00", now: "2026-03-09T10:00:00+08:00",
                calendar: SLAFixtures.neverOpen)
        }
    }
}
