import ConciergeQueue
import Foundation
import Testing

@Suite("RedisConnectionPool")
struct RedisConnectionPoolTests {
    @Test func connectionKilledWhileIdleIsReplacedBeforeNextUse() async throws {
        try await RedisFixture.run(poolSize: 1) { redis in
            // given: the pool's only connection, killed by another client while idle
            let firstID = try await redis.command(["CLIENT", "ID"]).integer ?? -1
            let configuration = redis.configuration
            try await redis.pool.withConnection { _ in
                let killer = try RedisConnection(configuration: configuration)
                _ = try killer.command(["CLIENT", "KILL", "ID", String(firstID)]).checked()
            }

            // when
            let reply = try await redis.command(["PING"])
            let secondID = try await redis.command(["CLIENT", "ID"]).integer ?? -1

            // then
            #expect(reply == .status("PONG"))
            #expect(secondID != firstID)
        }
    }

    @Test func connectionBrokenDuringUseIsDroppedNotReturned() async throws {
        try await RedisFixture.run(poolSize: 1) { redis in
            // given
            let configuration = redis.configuration
            let killedID = try await redis.pool.withConnection { connection in
                let id = try connection.command(["CLIENT", "ID"]).checked().integer ?? -1
                let killer = try RedisConnection(configuration: configuration)
                _ = try killer.command(["CLIENT", "KILL", "ID", String(id)]).checked()
                _ = try? connection.command(["PING"])
                return id
            }

            // when
            let nextID = try await redis.command(["CLIENT", "ID"]).integer ?? -1

            // then
            #expect(nextID != killedID)
        }
    }

    @Test func callerWaitsForBusyConnectionInsteadOfFailing() async throws {
        try await RedisFixture.run(poolSize: 1) { redis in
            // given: the only connection is held for a while
            let holding = Flag()
            async let held: Void = redis.pool.withConnection { _ in
                holding.set()
                usleep(300_000)
            }
            while !holding.isSet { try await Task.sleep(for: .milliseconds(5)) }

            // when
            let started = ContinuousClock.now
            let reply = try await redis.command(["PING"])
            try await held

            // then
            #expect(reply == .status("PONG"))
            #expect(ContinuousClock.now - started >= .milliseconds(200))
        }
    }

    @Test func callerGivesUpAfterCheckoutTimeout() async throws {
        try await RedisFixture.run(poolSize: 1, checkoutTimeout: .milliseconds(100)) { redis in
            // given
            let holding = Flag()
            async let held: Void = redis.pool.withConnection { _ in
                holding.set()
                usleep(1_000_000)
            }
            while !holding.isSet { try await Task.sleep(for: .milliseconds(5)) }

            // when
            let outcome: RedisError?
            do {
                _ = try await redis.command(["PING"])
                outcome = nil
            } catch {
                outcome = error as? RedisError
            }
            try await held

            // then
            #expect(outcome == .poolTimeout)
        }
    }

    @Test func cancelledCallerStopsWaitingAtOnce() async throws {
        try await RedisFixture.run(poolSize: 1, checkoutTimeout: .seconds(30)) { redis in
            // given: the only connection is busy and a second caller queues for it
            let holding = Flag()
            async let held: Void = redis.pool.withConnection { _ in
                holding.set()
                usleep(500_000)
            }
            while !holding.isSet { try await Task.sleep(for: .milliseconds(5)) }
            let waiting = Task { try await redis.command(["PING"]) }
            try await Task.sleep(for: .milliseconds(50))

            // when
            let started = ContinuousClock.now
            waiting.cancel()
            let outcome = await waiting.result
            let waited = ContinuousClock.now - started
            try await held

            // then
            #expect(throws: CancellationError.self) { try outcome.get() }
            #expect(waited < .milliseconds(400))
            let reply = try await redis.command(["PING"])
            #expect(reply == .status("PONG"))
        }
    }

    @Test func shutDownPoolRefusesWork() async throws {
        // given
        let pool = RedisConnectionPool(configuration: try RedisConfiguration(url: RedisFixture.url), size: 1)
        _ = try await pool.withConnection { connection in try connection.command(["PING"]).checked() }

        // when
        await pool.shutdown()

        // then
        await #expect(throws: RedisError.poolShutDown) {
            try await pool.withConnection { connection in try connection.command(["PING"]).checked() }
        }
    }
}

/// A one-way signal from a pool thread to the test; `value` is only touched under `lock`.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
