import ConciergeDomain
import Foundation
import Testing

/// Resolution (normal: 40 business hours; urgent: 8 hours around the clock) and requester
/// wait (normal: 16 business hours) under the standard policy on the Shanghai office
/// calendar. Tickets are created Monday 2026-03-09 09:00.
@Suite("SLAClock: resolution and requester wait")
struct SLAClockResolutionTests {
    static func at(_ text: String) -> Date { SLAFixtures.date(text) }

    /// Answered at 10:00, pending 14:00–17:00 (3 business hours), reopened by the requester.
    static let pendingForThreeHours: [SLAEvent] = [
        .agentReplied(at: at("2026-03-09T10:00:00+08:00")),
        .statusChanged(to: .open, at: at("2026-03-09T10:00:00+08:00")),
        .statusChanged(to: .pending, at: at("2026-03-09T14:00:00+08:00")),
        .requesterReplied(at: at("2026-03-09T17:00:00+08:00")),
        .statusChanged(to: .open, at: at("2026-03-09T17:00:00+08:00")),
    ]

    @Test func pendingForThreeHoursMovesTheDeadlineThreeBusinessHoursLater() throws {
        // when
        let states = try SLAFixtures.evaluate(
            created: "2026-03-09T09:00:00+08:00", events: Self.pendingForThreeHours, now: "2026-03-10T10:00:00+08:00")
        // then: without the pause resolution would be due Mon 03-16 11:30
        let resolution = try #require(states[.resolution])
        #expect(resolution.status == .active)
        #expect(resolution.targetAt == Self.at("2026-03-16T16:00:00+08:00"))
        #expect(resolution.elapsed == SLAFixtures.hours(5.5))
        #expect(resolution.pausedDuration == SLAFixtures.hours(3))
        let wait = try #require(states[.requesterWait])
        #expect(wait.status == .active)
        #expect(wait.targetAt == Self.at("2026-03-11T14:30:00+08:00"))
        #expect(wait.pausedDuration == SLAFixtures.hours(3))
        // the requester's 17:00 reply opened a next-reply cycle due Tue 10:00, which is now
        #expect(states[.nextReply]?.status == .breachedOpen)
        #expect(states[.nextReply]?.breachedAt == Self.at("2026-03-10T10:00:00+08:00"))
    }

    @Test func whilePendingTheClockIsPausedAndTheDeadlineIsProjectedFromNow() throws {
        // when
        let states = try SLAFixtures.evaluate(
            created: "2026-03-09T09:00:00+08:00", events: Self.pendingForThreeHours, now: "2026-03-09T15:00:00+08:00")
        // then
        let resolution = try #require(states[.resolution])
        #expect(resolution.status == .paused)
        #expect(resolution.elapsed == SLAFixtures.hours(3.5))
        #expect(resolution.pausedDuration == SLAFixtures.hours(1))
        #expect(resolution.targetAt == Self.at("2026-03-16T14:00:00+08:00"))
        #expect(
            resolution.remaining(at: Self.at("2026-03-09T15:00:00+08:00"))
                == resolution.targetAt.timeIntervalSince(Self.at("2026-03-09T15:00:00+08:00")))
        #expect(states[.requesterWait]?.status == .paused)
        #expect(states[.firstReply]?.status == .fulfilled)
    }

    /// on hold 10:00–12:00, pending 13:30–15:30, evaluated at 16:00.
    static let onHoldThenPending: [SLAEvent] = [
        .statusChanged(to: .onHold, at: at("2026-03-09T10:00:00+08:00")),
        .statusChanged(to: .open, at: at("2026-03-09T12:00:00+08:00")),
        .statusChanged(to: .pending, at: at("2026-03-09T13:30:00+08:00")),
        .statusChanged(to: .open, at: at("2026-03-09T15:30:00+08:00")),
    ]

    /// (pause_on override, metric, counted hours, paused hours).
    static let pauses: [([SLAMetric: [TicketStatus]], SLAMetric, Double, Double)] = [
        // defaults: requester wait counts on hold, resolution does not; both skip pending
        ([:], .requesterWait, 3.5, 2),
        ([:], .resolution, 1.5, 4),
        // a policy may stop requester wait on hold too, but can never make it count pending
        ([.requesterWait: [.onHold, .pending]], .requesterWait, 1.5, 4),
        ([.requesterWait: []], .requesterWait, 3.5, 2),
        // a policy may make resolution count everything
        ([.resolution: []], .resolution, 5.5, 0),
        ([.resolution: [.pending]], .resolution, 3.5, 2),
    ]

    @Test(arguments: pauses)
    func pausingStatusesStopTheClock(
        _ pauseOn: [SLAMetric: [TicketStatus]], _ metric: SLAMetric, _ counted: Double, _ paused: Double
    ) throws {
        // given
        var policy = SLAFixtures.policy
        policy.pauseOn = pauseOn
        // when
        let state = try #require(
            try SLAFixtures.evaluate(
                created: "2026-03-09T09:00:00+08:00", events: Self.onHoldThenPending, now: "2026-03-09T16:00:00+08:00",
                policy: policy)[metric])
        // then
        #expect(state.status == .active)
        #expect(state.elapsed == SLAFixtures.hours(counted))
        #expect(state.pausedDuration == SLAFixtures.hours(paused))
    }

    /// An urgent ticket (8 h around the clock) solved Monday 12:00 after 3 h and reopened
    /// Tuesday 09:00.
    static let solvedAndReopened: [SLAEvent] = [
        .statusChanged(to: .solved, at: at("2026-03-09T12:00:00+08:00")),
        .statusChanged(to: .open, at: at("2026-03-10T09:00:00+08:00")),
    ]

    /// (more events, now, status, counted hours, deadline, fulfilled, breached).
    static let reopenings: [([SLAEvent], String, SLAMetricState.Status, Double, String, String?, String?)] = [
        ([], "2026-03-09T18:00:00+08:00", .fulfilled, 3, "2026-03-09T17:00:00+08:00", "2026-03-09T12:00:00+08:00", nil),
        ([], "2026-03-10T12:00:00+08:00", .active, 6, "2026-03-10T14:00:00+08:00", nil, nil),
        (
            [.statusChanged(to: .solved, at: at("2026-03-10T13:00:00+08:00"))], "2026-03-10T18:00:00+08:00",
            .fulfilled, 7, "2026-03-10T14:00:00+08:00", "2026-03-10T13:00:00+08:00", nil
        ),
        (
            [.statusChanged(to: .solved, at: at("2026-03-10T15:00:00+08:00"))], "2026-03-10T18:00:00+08:00",
            .breachedFulfilled, 9, "2026-03-10T14:00:00+08:00", "2026-03-10T15:00:00+08:00", "2026-03-10T14:00:00+08:00"
        ),
        (
            [], "2026-03-10T14:30:00+08:00", .breachedOpen, 5.5 + 3, "2026-03-10T14:00:00+08:00", nil,
            "2026-03-10T14:00:00+08:00"
        ),
        // closing keeps the moment it was solved
        (
            [
                .statusChanged(to: .solved, at: at("2026-03-10T13:00:00+08:00")),
                .statusChanged(to: .closed, at: at("2026-03-14T00:00:00+08:00")),
            ], "2026-03-20T00:00:00+08:00", .fulfilled, 7, "2026-03-10T14:00:00+08:00", "2026-03-10T13:00:00+08:00", nil
        ),
    ]

    @Test(arguments: reopenings)
    func reopeningContinuesTheResolutionClock(
        _ more: [SLAEvent], _ now: String, _ status: SLAMetricState.Status, _ counted: Double, _ deadline: String,
        _ fulfilled: String?, _ breached: String?
    ) throws {
        // when
        let state = try #require(
            try SLAFixtures.evaluate(
                created: "2026-03-09T09:00:00+08:00", priority: .urgent, events: Self.solvedAndReopened + more, now: now
            )[
                .resolution])
        // then
        #expect(state.status == status)
        #expect(state.elapsed == SLAFixtures.hours(counted))
        #expect(state.targetAt == Self.at(deadline))
        #expect(state.fulfilledAt == fulfilled.map(Self.at))
        #expect(state.breachedAt == breached.map(Self.at))
        #expect(state.pausedDuration == 0)
    }

    @Test func requesterWaitIsFulfilledBySolvingAndResumesOnReopen() throws {
        // when
        let solved = try SLAFixtures.evaluate(
            created: "2026-03-09T09:00:00+08:00", events: Self.solvedAndReopened, now: "2026-03-09T18:00:00+08:00")
        let reopened = try SLAFixtures.evaluate(
            created: "2026-03-09T09:00:00+08:00", events: Self.solvedAndReopened, now: "2026-03-10T10:00:00+08:00")
        // then
        #expect(solved[.requesterWait]?.status == .fulfilled)
        #expect(solved[.requesterWait]?.elapsed == SLAFixtures.hours(3))
        #expect(reopened[.requesterWait]?.status == .active)
        #expect(reopened[.requesterWait]?.elapsed == SLAFixtures.hours(4))
    }
}
