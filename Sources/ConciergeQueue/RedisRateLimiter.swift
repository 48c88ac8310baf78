import ConciergeCore
import Foundation

/// ``RateLimiter`` with fixed windows in Redis, shared by every API replica.
///
/// A key's window starts at its first hit and lasts `window`; the counter key then expires.
/// Fixed windows can let up to twice `limit` through around a boundary, which is acceptable
/// for login and API throttling and costs one key per client.
public struct RedisRateLimiter: RateLimiter {
    /// Namespace of every key (`<prefix>:rl:<key>`).
    public let keyPrefix: String
    private let pool: RedisConnectionPool

    /// The increment and the expiry must be atomic: a crash between INCR and PEXPIRE would
    /// leave a counter that never expires and locks the client out for good. `NX` keeps an
    /// existing window's deadline and repairs a key that lost its TTL.
    private static let hitScript = RedisScript(
        """
        local count = redis.call('INCR', KEYS[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[1], 'NX')
        return {count, redis.call('PTTL', KEYS[1])}
        """)

    /// Reads count and TTL in one snapshot so they describe the same window.
    private static let peekScript = RedisScript(
        """
        local count = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
        return {count, redis.call('PTTL', KEYS[1])}
        """)

    /// - Parameters:
    ///   - pool: where commands run.
    ///   - keyPrefix: first key segment, shared with ``RedisJobQueue`` if you like.
    public init(pool: RedisConnectionPool, keyPrefix: String = "cq") {
        self.pool = pool
        self.keyPrefix = keyPrefix
    }

    /// Counts one hit; allowed while the count, this hit included, is at most `limit`.
    public func hit(_ key: String, limit: Int, window: Duration) async throws -> RateLimitDecision {
        let windowMilliseconds = max(window.milliseconds, 1)
        let (count, ttl) = try await run(Self.hitScript, key: key, arguments: [String(windowMilliseconds)])
        return decision(count: count, allowed: count <= limit, ttlMilliseconds: ttl)
    }

    /// The current count; allowed when one more hit would still be within `limit`.
    public func peek(_ key: String, limit: Int) async throws -> RateLimitDecision {
        let (count, ttl) = try await run(Self.peekScript, key: key, arguments: [])
        return decision(count: count, allowed: count < limit, ttlMilliseconds: ttl)
    }

    /// Deletes the key's counter, starting a fresh window on the next hit.
    public func reset(_ key: String) async throws {
        let redisKey = redisKey(key)
        _ = try await pool.withConnection { connection in
            try connection.command(["DEL", redisKey]).checked()
        }
    }

    private func run(_ script: RedisScript, key: String, arguments: [String]) async throws -> (Int, Int) {
        let redisKey = redisKey(key)
        let reply = try await pool.withConnection { connection in
            try script.run(on: connection, keys: [redisKey], arguments: arguments)
        }
        guard let numbers = reply.elements?.compactMap(\.integer), numbers.count == 2 else {
            throw RedisError.unexpectedReply("rate limit script returned \(reply)")
        }
        return (numbers[0], numbers[1])
    }

    private func redisKey(_ key: String) -> String { "\(keyPrefix):rl:\(key)" }

    /// PTTL is -2 for a missing key and -1 for one without expiry; both mean no window runs.
    private func decision(count: Int, allowed: Bool, ttlMilliseconds: Int) -> RateLimitDecision {
        let seconds = ttlMilliseconds > 0 ? (ttlMilliseconds + 999) / 1000 : 0
        return RateLimitDecision(allowed: allowed, count: count, retryAfterSeconds: seconds)
    }
}
