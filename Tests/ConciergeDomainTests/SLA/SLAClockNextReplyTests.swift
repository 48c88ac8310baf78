import ConciergeDomain
import Foundation
import Testing

/// Next reply under the standard policy (normal: 2 business hours; urgent: 30 minutes around
/// the clock) on the Shanghai office calendar. Tickets are created Monday 2026-03-09 09:00
/// and first answered at 10:00.
@Suite("SLAClock: next reply")
struct SLAClockNextReplyTests {
    static func at(_ text: String) -> Date { SLAFixtures.date(text) }

    static func nextReply(
        created: String = "2026-03-09T09:00:00+08:00", priority: TicketPriority = .normal, _ events: [SLAEvent],
        now: String
    ) throws -> SLAMetricState? {
        try SLAFixtures.evaluate(created: created, priority: priority, events: events, now: now)[.nextReply]
    }

    static let answered: [SLAEvent] = [.agentReplied(at: at("2026-03-09T10:00:00+08:00"))]

    @Test func aRequesterReplyAfterAnAgentReplyStartsACycle() throws {
        // when
        let state = try #require(
            try Self.nextReply(
                Self.answered + [.requesterReplied(at: Self.at("2026-03-09T11:00:00+08:00"))],
                now: "2026-03-09T11:30:00+08:00"))
        // then
        #expect(state.status == .active)
        #expect(state.startedAt == Self.at("2026-03-09T11:00:00+08:00"))
        #expect(state.targetAt == Self.at("2026-03-09T14:30:00+08:00"))
        #expect(state.elapsed == SLAFixtures.hours(0.5))
    }

    @Test func requesterRepliesBeforeTheFirstAnswerBelongToFirstReply() throws {
        let states = try SLAFixtures.evaluate(
            created: "2026-03-09T09:00:00+08:00",
            events: [
                .requesterReplied(at: Self.at("2026-03-09T09:30:00+08:00")),
                .requesterReplied(at: Self.at("2026-03-09T09:45:00+08:00")),
            ],
            now: "2026-03-09T11:00:00+08:00")
        #expect(states[.nextReply] == nil)
        #expect(states[.firstReply]?.status == .active)
    }

    /// (events after the first answer, now, status, started, deadline, fulfilled, breached).
    static let cycles: [([SLAEvent], String, SLAMetricState.Status, String, String, String?, String?)] = [
        // the first cycle answered in time
        (
            [
                .requesterReplied(at: at("2026-03-09T11:00:00+08:00")),
                .agentReplied(at: at("2026-03-09T14:00:00+08:00")),
            ],
            "2026-03-09T14:10:00+08:00", .fulfilled, "2026-03-09T11:00:00+08:00", "2026-03-09T14:30:00+08:00",
            "2026-03-09T14:00:00+08:00", nil
        ),
        // a second cycle: another requester reply inside it does not restart it
        (
            [
                .requesterReplied(at: at("2026-03-09T11:00:00+08:00")),
                .agentReplied(at: at("2026-03-09T14:00:00+08:00")),
                .requesterReplied(at: at("2026-03-09T15:00:00+08:00")),
                .requesterReplied(at: at("2026-03-09T15:30:00+08:00")),
            ],
            "2026-03-09T16:00:00+08:00", .active, "2026-03-09T15:00:00+08:00", "2026-03-09T17:00:00+08:00", nil, nil
        ),
        // the second cycle breached
        (
            [
                .requesterReplied(at: at("2026-03-09T11:00:00+08:00")),
                .agentReplied(at: at("2026-03-09T14:00:00+08:00")),
                .requesterReplied(at: at("2026-03-09T15:00:00+08:00")),
            ],
            "2026-03-09T17:30:00+08:00", .breachedOpen, "2026-03-09T15:00:00+08:00", "2026-03-09T17:00:00+08:00", nil,
            "2026-03-09T17:00:00+08:00"
        ),
        // a breached first cycle does not taint the next one
        (
            [
                .requesterReplied(at: at("2026-03-09T11:00:00+08:00")),
                .agentReplied(at: at("2026-03-09T15:00:00+08:00")),
                .requesterReplied(at: at("2026-03-09T16:00:00+08:00")),
            ],
            "2026-03-09T16:30:00+08:00", .active, "2026-03-09T16:00:00+08:00", "2026-03-09T18:00:00+08:00", nil, nil
        ),
        // a cycle over the night
        (
            [
                .requesterReplied(at: at("2026-03-09T17:30:00+08:00")),
                .agentReplied(at: at("2026-03-10T10:00:00+08:00")),
            ],
            "2026-03-10T12:00:00+08:00", .fulfilled, "2026-03-09T17:30:00+08:00", "2026-03-10T10:30:00+08:00",
            "2026-03-10T10:00:00+08:00", nil
        ),
        // solving answers the requester too
        (
            [
                .requesterReplied(at: at("2026-03-09T11:00:00+08:00")),
                .statusChanged(to: .solved, at: at("2026-03-09T12:00:00+08:00")),
            ],
            "2026-03-09T16:00:00+08:00", .fulfilled, "2026-03-09T11:00:00+08:00", "2026-03-09T14:30:00+08:00",
            "2026-03-09T12:00:00+08:00", nil
        ),
        // the requester reopens a solved ticket: a new cycle
        (
            [
                .statusChanged(to: .solved, at: at("2026-03-09T10:30:00+08:00")),
                .requesterReplied(at: at("2026-03-09T13:30:00+08:00")),
                .statusChanged(to: .open, at: at("2026-03-09T13:30:00+08:00")),
            ],
            "2026-03-09T14:00:00+08:00", .active, "2026-03-09T13:30:00+08:00", "2026-03-09T15:30:00+08:00", nil, nil
        ),
    ]

    @Test(arguments: cycles)
    func theLatestCycleIsReported(
        _ events: [SLAEvent], _ now: String, _ status: SLAMetricState.Status, _ started: String, _ deadline: String,
        _ fulfilled: String?, _ breached: String?
    ) throws {
        // when
        let state = try #require(try Self.nextReply(Self.answered + events, now: now))
        // then
        #expect(state.status == status)
        #expect(state.startedAt == Self.at(started))
        #expect(state.targetAt == Self.at(deadline))
        #expect(state.fulfilledAt == fulfilled.map(Self.at))
        #expect(state.breachedAt == breached.map(Self.at))
    }

    @Test func aTicketSolvedWithoutAnswerStartsCyclesOnTheNextRequesterReply() throws {
        let state = try Self.nextReply(
            [
                .statusChanged(to: .solved, at: Self.at("2026-03-09T09:30:00+08:00")),
                .requesterReplied(at: Self.at("2026-03-09T11:00:00+08:00")),
                .statusChanged(to: .open, at: Self.at("2026-03-09T11:00:00+08:00")),
            ], now: "2026-03-09T11:30:00+08:00")
        #expect(state?.startedAt == Self.at("2026-03-09T11:00:00+08:00"))
    }

    @Test func urgentCyclesCountAroundTheClock() throws {
        // when: created Saturday 10:00 urgent, answered 10:10, requester again 10:20
        let state = try #require(
            try Self.nextReply(
                created: "2026-03-07T10:00:00+08:00", priority: .urgent,
                [
                    .agentReplied(at: Self.at("2026-03-07T10:10:00+08:00")),
                    .requesterReplied(at: Self.at("2026-03-07T10:20:00+08:00")),
                ], now: "2026-03-07T10:40:00+08:00"))
        // then
        #expect(state.status == .active)
        #expect(state.targetAt == Self.at("2026-03-07T10:50:00+08:00"))
        #expect(state.remaining(at: Self.at("2026-03-07T10:40:00+08:00")) == 600)
    }
}
