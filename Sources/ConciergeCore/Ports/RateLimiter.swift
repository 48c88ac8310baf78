/// Counts hits per key in a fixed window (implemented on Redis, shared by all API replicas).
public protocol RateLimiter: Sendable {
    /// Records one hit on `key` and says whether it is still within `limit` per `window`.
    func hit(_ key: String, limit: Int, window: Duration) async throws -> RateLimitDecision
    /// Counts without recording a hit.
    func peek(_ key: String, limit: Int) async throws -> RateLimitDecision
    /// Forgets `key` (after a successful login, say).
    func reset(_ key: String) async throws
}

/// The outcome of a rate-limit check.
public struct RateLimitDecision: Sendable, Equatable {
    public var allowed: Bool
    public var count: Int
    /// Seconds until the window ends.
    public var retryAfterSeconds: Int

    public init(allowed: Bool, count: Int, retryAfterSeconds: Int) {
        self.allowed = allowed
        self.count = count
        self.retryAfterSeconds = retryAfterSeconds
    }
}
