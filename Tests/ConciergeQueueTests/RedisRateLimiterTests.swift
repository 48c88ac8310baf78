import ConciergeCore
import ConciergeQueue
import Testing

@Suite("RedisRateLimiter")
struct RedisRateLimiterTests {
    @Test func allowsLimitHitsThenRefusesUntilReset() async throws {
        try await RedisFixture.run { redis in
            // given
            let limiter = RedisRateLimiter(pool: redis.pool, keyPrefix: redis.prefix)

            // when
            var decisions: [RateLimitDecision] = []
            for _ in 0..<4 {
                decisions.append(try await limiter.hit("login:alice", limit: 3, window: .seconds(60)))
            }
            let peeked = try await limiter.peek("login:alice", limit: 3)
            try await limiter.reset("login:alice")
            let afterReset = try await limiter.hit("login:alice", limit: 3, window: .seconds(60))

            // then
            #expect(decisions.map(\.allowed) == [true, true, true, false])
            #expect(decisions.map(\.count) == [1, 2, 3, 4])
            #expect((1...60).contains(decisions[3].retryAfterSeconds))
            #expect(peeked.count == 4 && !peeked.allowed)
            #expect(afterReset.allowed && afterReset.count == 1)
        }
    }

    @Test func peekDoesNotCountAsAHit() async throws {
        try await RedisFixture.run { redis in
            // given
            let limiter = RedisRateLimiter(pool: redis.pool, keyPrefix: redis.prefix)

            // when
            let untouched = try await limiter.peek("api:token-1", limit: 1)
            let first = try await limiter.peek("api:token-1", limit: 1)
            let hit = try await limiter.hit("api:token-1", limit: 1, window: .seconds(10))

            // then
            #expect(untouched == RateLimitDecision(allowed: true, count: 0, retryAfterSeconds: 0))
            #expect(first.count == 0)
            #expect(hit.allowed && hit.count == 1)
        }
    }

    @Test func windowExpiryStartsAFreshCount() async throws {
        try await RedisFixture.run { redis in
            // given
            let limiter = RedisRateLimiter(pool: redis.pool, keyPrefix: redis.prefix)
            // A 6 s window: long enough that a loaded machine (hundreds of parallel tests; two
            // hits were once seen 2 s apart) still makes the second hit inside it.
            let started = ContinuousClock.now
            _ = try await limiter.hit("burst", limit: 1, window: .seconds(6))
            let refused = try await limiter.hit("burst", limit: 1, window: .seconds(6))
            let between = ContinuousClock.now - started

            // when
            try await Task.sleep(for: .milliseconds(6300))
            let later = try await limiter.hit("burst", limit: 1, window: .seconds(6))

            // then
            #expect(!refused.allowed || between >= .seconds(6))
            #expect(later.allowed && later.count == 1)
        }
    }

    @Test func keysAreIsolatedFromEachOther() async throws {
        try await RedisFixture.run { redis in
            // given
            let limiter = RedisRateLimiter(pool: redis.pool, keyPrefix: redis.prefix)
            _ = try await limiter.hit("ip:10.0.0.1", limit: 1, window: .seconds(60))

            // when
            let other = try await limiter.hit("ip:10.0.0.2", limit: 1, window: .seconds(60))

            // then
            #expect(other.allowed && other.count == 1)
        }
    }
}
