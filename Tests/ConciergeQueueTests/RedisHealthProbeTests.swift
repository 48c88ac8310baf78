import ConciergeQueue
import Testing

@Suite("RedisHealthProbe")
struct RedisHealthProbeTests {
    @Test func reachableRedisPassesTheCheck() async throws {
        try await RedisFixture.run { redis in
            // given
            let probe = RedisHealthProbe(pool: redis.pool)

            // then
            #expect(probe.name == "redis")
            try await probe.check()
        }
    }

    @Test func unreachableRedisFailsTheCheck() async throws {
        // given: nothing listens on port 1
        let pool = RedisConnectionPool(
            configuration: RedisConfiguration(host: "127.0.0.1", port: 1, connectTimeout: .milliseconds(500)), size: 1)
        let probe = RedisHealthProbe(pool: pool)

        // when
        let outcome: (any Error)?
        do {
            try await probe.check()
            outcome = nil
        } catch {
            outcome = error
        }
        await pool.shutdown()

        // then
        guard case RedisError.connectionFailed? = outcome else {
            Issue.record("expected a connection failure, got \(String(describing: outcome))")
            return
        }
    }
}
