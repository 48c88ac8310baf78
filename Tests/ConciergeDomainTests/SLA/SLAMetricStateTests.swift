import ConciergeDomain
import Foundation
import Testing

@Suite("SLAMetricState")
struct SLAMetricStateTests {
    static let targetAt = SLAFixtures.date("2026-03-09T14:30:00+08:00")

    static func state(_ status: SLAMetricState.Status, fulfilledAt: String? = nil) -> SLAMetricState {
        SLAMetricState(
            metric: .firstReply, status: status, target: SLATarget(minutes: 240),
            startedAt: SLAFixtures.date("2026-03-09T09:00:00+08:00"), targetAt: targetAt,
            warningAt: SLAFixtures.date("2026-03-09T13:42:00+08:00"), fulfilledAt: fulfilledAt.map(SLAFixtures.date),
            breachedAt: status == .breachedOpen || status == .breachedFulfilled ? targetAt : nil,
            elapsed: SLAFixtures.hours(2), pausedDuration: 0)
    }

    /// (status, fulfilled at, now, remaining hours, overdue hours).
    static let clocks: [(SLAMetricState.Status, String?, String, Double, Double)] = [
        (.active, nil, "2026-03-09T12:30:00+08:00", 2, 0),
        (.active, nil, "2026-03-09T15:00:00+08:00", 0, 0),
        (.paused, nil, "2026-03-09T13:30:00+08:00", 1, 0),
        (.fulfilled, "2026-03-09T11:00:00+08:00", "2026-03-09T12:30:00+08:00", 0, 0),
        (.breachedOpen, nil, "2026-03-09T16:00:00+08:00", 0, 1.5),
        (.breachedFulfilled, "2026-03-09T15:30:00+08:00", "2026-03-10T09:00:00+08:00", 0, 1),
    ]

    @Test(arguments: clocks)
    func remainingAndOverdueAreWallClockSecondsToAndPastTheDeadline(
        _ status: SLAMetricState.Status, _ fulfilledAt: String?, _ now: String, _ remaining: Double, _ overdue: Double
    ) {
        // given
        let state = Self.state(status, fulfilledAt: fulfilledAt)
        // then
        #expect(state.remaining(at: SLAFixtures.date(now)) == SLAFixtures.hours(remaining))
        #expect(state.overdue(at: SLAFixtures.date(now)) == SLAFixtures.hours(overdue))
        #expect(state.isBreached == (status == .breachedOpen || status == .breachedFulfilled))
    }

    @Test(arguments: SLAMetricState.Status.allCases)
    func statusesUseSnakeCaseRawValues(_ status: SLAMetricState.Status) {
        let expected: [SLAMetricState.Status: String] = [
            .active: "active", .paused: "paused", .fulfilled: "fulfilled", .breachedOpen: "breached_open",
            .breachedFulfilled: "breached_fulfilled",
        ]
        #expect(status.rawValue == expected[status])
    }

    @Test func aStateRoundTripsThroughSnakeCaseJSON() throws {
        // given
        let state = Self.state(.breachedFulfilled, fulfilledAt: "2026-03-09T15:30:00+08:00")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        // when
        let data = try encoder.encode(state)
        let text = String(decoding: data, as: UTF8.self)
        // then
        #expect(try decoder.decode(SLAMetricState.self, from: data) == state)
        for key in ["\"target_at\"", "\"warning_at\"", "\"fulfilled_at\"", "\"breached_at\"", "\"paused_duration\""] {
            #expect(text.contains(key))
        }
        #expect(text.contains("\"breached_fulfilled\""))
    }
}
