import ConciergeCore

extension RateLimiter {
    /// Records a hit on `key` and refuses it (429 `rate_limited`, with Retry-After) when it is
    /// over `limit` per `window`. The one place every HTTP rate limit is enforced.
    @discardableResult
    func enforce(_ key: String, limit: Int, window: Duration, message: String) async throws -> RateLimitDecision {
        let decision = try await hit(key, limit: limit, window: window)
        guard decision.allowed else {
            throw AppError(
                .rateLimited, code: "rate_limited", message: message,
                retryAfterSeconds: max(decision.retryAfterSeconds, 1))
        }
        return decision
    }
}
