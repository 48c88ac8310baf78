import ConciergeQueue
import Foundation
import Logging

/// A real Redis server, a pool on it and a random key prefix, so every test owns its keys and
/// tests run in parallel against one server: by default a throwaway `redis-server --port 56380`
/// on 127.0.0.1; `CONCIERGE_TEST_REDIS_URL` points elsewhere.
struct RedisFixture: Sendable {
    static let url = ProcessInfo.processInfo.environment["CONCIERGE_TEST_REDIS_URL"] ?? "redis://127.0.0.1:56380/0"

    let configuration: RedisConfiguration
    let pool: RedisConnectionPool
    let prefix: String
    let clock: TestClock
    let logger: Logger

    /// A queue on this fixture's prefix whose time is ``clock``.
    func queue() -> RedisJobQueue {
        let clock = clock
        return RedisJobQueue(pool: pool, keyPrefix: prefix, clock: { clock.now }, logger: logger)
    }

    /// Runs `body` with a fresh fixture, then deletes its keys and shuts the pool down, also
    /// when `body` throws.
    static func run(
        poolSize: Int = 2, checkoutTimeout: Duration = .seconds(5), _ body: (RedisFixture) async throws -> Void
    ) async throws {
        var logger = Logger(label: "concierge.queue.tests")
        logger.logLevel = .error
        let configuration = try RedisConfiguration(url: url)
        let fixture = RedisFixture(
            configuration: configuration,
            pool: RedisConnectionPool(
                configuration: configuration, size: poolSize, checkoutTimeout: checkoutTimeout, logger: logger),
            prefix: "test-\(UUID().uuidString.prefix(13).lowercased())",
            clock: TestClock(),
            logger: logger)
        do {
            try await body(fixture)
        } catch {
            await fixture.tearDown()
            throw error
        }
        await fixture.tearDown()
    }

    /// Sends one command through the pool.
    func command(_ arguments: [String]) async throws -> RedisReply {
        try await pool.withConnection { connection in try connection.command(arguments).checked() }
    }

    /// Every key under this fixture's prefix.
    func keys() async throws -> [String] {
        let pattern = "\(prefix):*"
        return try await pool.withConnection { connection in
            var cursor = "0"
            var keys: [String] = []
            repeat {
                let reply = try connection.command(["SCAN", cursor, "MATCH", pattern, "COUNT", "1000"]).checked()
                guard let parts = reply.elements, parts.count == 2, let next = parts[0].text else { break }
                keys += parts[1].elements?.compactMap(\.text) ?? []
                cursor = next
            } while cursor != "0"
            return keys
        }
    }

    private func tearDown() async {
        if let keys = try? await keys(), !keys.isEmpty {
            _ = try? await command(["DEL"] + keys)
        }
        await pool.shutdown()
    }
}

/// A clock tests move by hand, so due times and visibility deadlines are deterministic.
final class TestClock: @unchecked Sendable {
    // NSLock rather than Synchronization.Mutex: the package still supports macOS 14.
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    var now: Date { lock.withLock { current } }

    func advance(by duration: Duration) {
        let (seconds, attoseconds) = duration.components
        lock.withLock { current += Double(seconds) + Double(attoseconds) / 1e18 }
    }
}
