import ConciergeCore
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    @Test func defaultsAreTwoSecondsBaseTenMinuteCapAndTwoHundredMillisecondFloor() {
        let policy = RetryPolicy()
        #expect(policy.base == .seconds(2))
        #expect(policy.cap == .seconds(600))
        #expect(policy.floor == .milliseconds(200))
    }

    @Test(arguments: [
        (1, Duration.seconds(2)),
        (2, .seconds(4)),
        (3, .seconds(8)),
        (4, .seconds(16)),
        (5, .seconds(32)),
        (6, .seconds(64)),
        (7, .seconds(128)),
        (8, .seconds(256)),
        (9, .seconds(512)),
        (10, .seconds(600)),
        (11, .seconds(600)),
        (31, .seconds(600)),
        (100, .seconds(600)),
        (Int.max, .seconds(600)),
    ])
    func ceilingDoublesUntilTheCap(_ attempt: Int, _ expected: Duration) {
        #expect(RetryPolicy().ceiling(forAttempt: attempt) == expected)
    }

    @Test(arguments: [0, -1, -100])
    func ceilingTreatsAttemptsBelowOneAsTheFirst(_ attempt: Int) {
        #expect(RetryPolicy().ceiling(forAttempt: attempt) == .seconds(2))
    }

    @Test(arguments: [(31, 1 << 30), (32, 1 << 30), (1000, 1 << 30), (30, 1 << 29)])
    func ceilingStopsDoublingAfterThirtyDoublings(_ attempt: Int, _ seconds: Int) {
        // given a cap far beyond 2^30 seconds
        let policy = RetryPolicy(base: .seconds(1), cap: .seconds(Int64(1) << 40), floor: .zero)
        // then
        #expect(policy.ceiling(forAttempt: attempt) == .seconds(seconds))
    }

    @Test(arguments: 1...20)
    func ceilingNeverExceedsTheCap(_ attempt: Int) {
        let policy = RetryPolicy(base: .milliseconds(300), cap: .seconds(45), floor: .milliseconds(50))
        #expect(policy.ceiling(forAttempt: attempt) <= .seconds(45))
        #expect(policy.ceiling(forAttempt: attempt) >= .milliseconds(300))
    }

    @Test(arguments: 1...15)
    func delayWithRandomZeroIsTheFloor(_ attempt: Int) {
        #expect(RetryPolicy().delay(forAttempt: attempt, random: 0) == .milliseconds(200))
    }

    @Test(arguments: 1...15)
    func delayWithRandomOneIsTheCeiling(_ attempt: Int) {
        let policy = RetryPolicy()
        #expect(policy.delay(forAttempt: attempt, random: 1) == policy.ceiling(forAttempt: attempt))
    }

    @Test(arguments: [
        (1, Duration.seconds(1)),
        (2, .seconds(2)),
        (5, .seconds(16)),
        (10, .seconds(300)),
        (20, .seconds(300)),
    ])
    func delayWithRandomHalfIsHalfTheCeiling(_ attempt: Int, _ expected: Duration) {
        let delay = RetryPolicy().delay(forAttempt: attempt, random: 0.5)
        let difference = delay > expected ? delay - expected : expected - delay
        #expect(difference <= .microseconds(1))
    }

    @Test func delayBelowTheFloorIsRaisedToTheFloor() {
        // 2 s × 0.05 = 100 ms < 200 ms floor
        #expect(RetryPolicy().delay(forAttempt: 1, random: 0.05) == .milliseconds(200))
    }

    @Test(arguments: [(-1.0, true), (-0.001, true), (1.5, false), (100.0, false)])
    func delayClampsRandomOutsideZeroToOne(_ random: Double, _ isFloor: Bool) {
        let policy = RetryPolicy()
        let expected = isFloor ? policy.floor : policy.ceiling(forAttempt: 4)
        #expect(policy.delay(forAttempt: 4, random: random) == expected)
    }

    @Test(arguments: 1...12, [0.0, 0.1, 0.25, 0.333, 0.5, 0.75, 0.9, 0.999, 1.0])
    func delayStaysWithinFloorAndCeiling(_ attempt: Int, _ random: Double) {
        // given
        let policy = RetryPolicy()
        // when
        let delay = policy.delay(forAttempt: attempt, random: random)
        // then
        #expect(delay >= policy.floor)
        #expect(delay <= policy.ceiling(forAttempt: attempt))
    }

    @Test func delayGrowsWithTheDrawForOneAttempt() {
        let policy = RetryPolicy()
        let delays = stride(from: 0.0, through: 1.0, by: 0.1).map { policy.delay(forAttempt: 6, random: $0) }
        #expect(delays == delays.sorted())
    }
}
