import ConciergeDomain
import Foundation
import Testing

/// Priority changes under the standard policy: first reply is 60 minutes around the clock
/// for urgent and 4 business hours for normal; tickets are created Monday 2026-03-09 09:00
/// on the Shanghai office calendar.
@Suite("SLAClock: priority changes")
struct SLAClockPriorityTests {
    static func at(_ text: String) -> Date { SLAFixtures.date(text) }

    /// (created with, changed to, changed at, now, status, target minutes, deadline, breached).
    static let changes:
        [(TicketPriority, TicketPriority, String, String, SLAMetricState.Status, Int, String, String?)] = [
            // raised before the urgent target is used up: the deadline moves earlier
            (
                .normal, .urgent, "2026-03-09T09:30:00+08:00", "2026-03-09T09:45:00+08:00", .active, 60,
                "2026-03-09T10:00:00+08:00", nil
            ),
            (
                .normal, .urgent, "2026-03-09T09:30:00+08:00", "2026-03-09T10:30:00+08:00", .breachedOpen, 60,
                "2026-03-09T10:00:00+08:00", "2026-03-09T10:00:00+08:00"
            ),
            // raised after the urgent target is used up: breached at the change, not before
            (
                .normal, .urgent, "2026-03-09T11:00:00+08:00", "2026-03-09T11:30:00+08:00", .breachedOpen, 60,
                "2026-03-09T10:00:00+08:00", "2026-03-09T11:00:00+08:00"
            ),
            // lowered in time: the longer target applies from the original start
            (
                .urgent, .normal, "2026-03-09T09:30:00+08:00", "2026-03-09T11:00:00+08:00", .active, 240,
                "2026-03-09T14:30:00+08:00", nil
            ),
            // lowered after the breach: the breach stays
            (
                .urgent, .normal, "2026-03-09T10:30:00+08:00", "2026-03-09T11:00:00+08:00", .breachedOpen, 240,
                "2026-03-09T14:30:00+08:00", "2026-03-09T10:00:00+08:00"
            ),
            // to high (2 business hours)
            (
                .normal, .high, "2026-03-09T10:00:00+08:00", "2026-03-09T10:30:00+08:00", .active, 120,
                "2026-03-09T11:00:00+08:00", nil
            ),
        ]

    @Test(arguments: changes)
    func aPriorityChangeAppliesTheNewTargetToTheTimeSinceTheStart(
        _ from: TicketPriority, _ to: TicketPriority, _ changedAt: String, _ now: String,
        _ status: SLAMetricState.Status, _ minutes: Int, _ deadline: String, _ breached: String?
    ) throws {
        // when
        let state = try #require(
            try SLAFixtures.evaluate(
                created: "2026-03-09T09:00:00+08:00", priority: from,
                events: [.priorityChanged(to: to, at: Self.at(changedAt))], now: now)[.firstReply])
        // then
        #expect(state.status == status)
        #expect(state.target.minutes == minutes)
        #expect(state.targetAt == Self.at(deadline))
        #expect(state.breachedAt == breached.map(Self.at))
        #expect(state.startedAt == Self.at("2026-03-09T09:00:00+08:00"))
    }

    @Test func aChangeAfterFulfilmentLeavesTheFulfilledTarget() throws {
        let state = try SLAFixtures.evaluate(
            created: "2026-03-09T09:00:00+08:00",
            events: [
                .agentReplied(at: Self.at("2026-03-09T11:00:00+08:00")),
                .priorityChanged(to: .urgent, at: Self.at("2026-03-09T11:30:00+08:00")),
            ], now: "2026-03-09T12:00:00+08:00")[.firstReply]
        #expect(state?.status == .fulfilled)
        #expect(state?.target == SLATarget(minutes: 240))
    }

    @Test func aChangeToAPriorityWithoutTargetStopsMeasuring() throws {
        // the standard policy sets requester wait for normal tickets only
        let states = try SLAFixtures.evaluate(
            created: "2026-03-09T09:00:00+08:00",
            events: [.priorityChanged(to: .high, at: Self.at("2026-03-09T10:00:00+08:00"))],
            now: "2026-03-09T11:00:00+08:00")
        #expect(states[.requesterWait] == nil)
        #expect(states[.firstReply]?.target == SLATarget(minutes: 120))
    }

    @Test func raisingThePriorityOfASolvedTicketBreachesWhenItIsReopened() throws {
        // given: solved Monday 18:00 after 9 hours, made urgent (8 h around the clock) at 20:00
        let events: [SLAEvent] = [
            .statusChanged(to: .solved, at: Self.at("2026-03-09T18:00:00+08:00")),
            .priorityChanged(to: .urgent, at: Self.at("2026-03-09T20:00:00+08:00")),
            .statusChanged(to: .open, at: Self.at("2026-03-10T09:00:00+08:00")),
        ]
        // when
        let whileSolved = try SLAFixtures.evaluate(
            created: "2026-03-09T09:00:00+08:00", events: events, now: "2026-03-09T21:00:00+08:00")[.resolution]
        let reopened = try SLAFixtures.evaluate(
            created: "2026-03-09T09:00:00+08:00", events: events, now: "2026-03-10T09:30:00+08:00")[.resolution]
        // then
        #expect(whileSolved?.status == .fulfilled)
        #expect(whileSolved?.target == SLATarget(minutes: 2_400))
        #expect(reopened?.status == .breachedOpen)
        #expect(reopened?.breachedAt == Self.at("2026-03-10T09:00:00+08:00"))
        #expect(reopened?.targetAt == Self.at("2026-03-09T17:00:00+08:00"))
    }
}
