import Foundation

/// Exponential backoff with full jitter: attempt n waits a random time in
/// `[0, min(cap, base · 2^(n-1))]`, never less than `floor`.
public struct RetryPolicy: Sendable, Equatable {
    public var base: Duration
    public var cap: Duration
    public var floor: Duration

    public init(base: Duration = .seconds(2), cap: Duration = .seconds(600), floor: Duration = .milliseconds(200)) {
        self.base = base
        self.cap = cap
        self.floor = floor
    }

    /// The upper bound of the wait before retry number `attempt` (1-based).
    public func ceiling(forAttempt attempt: Int) -> Duration {
        let exponent = min(max(attempt, 1) - 1, 30)
        let raw = base * (1 << exponent)
        return raw > cap ? cap : raw
    }

    /// A jittered wait before retry `attempt`, drawn with `random` in `0...1`.
    public func delay(forAttempt attempt: Int, random: Double) -> Duration {
        let ceiling = ceiling(forAttempt: attempt)
        let clamped = min(max(random, 0), 1)
        let jittered = ceiling * clamped
        return jittered < floor ? floor : jittered
    }
}
