import ConciergeCore

/// Readiness check for Redis: a PING through the shared pool, so it also fails when the pool
/// is exhausted or shut down, which is what callers of the API would hit too.
public struct RedisHealthProbe: HealthProbe {
    /// Shown in the readiness report.
    public let name = "redis"
    private let pool: RedisConnectionPool

    /// Probes through `pool`.
    public init(pool: RedisConnectionPool) {
        self.pool = pool
    }

    /// Sends PING.
    /// - Throws: any ``RedisError``, or ``RedisError/unexpectedReply(_:)`` when the answer is not PONG.
    public func check() async throws {
        let reply = try await pool.withConnection { connection in
            try connection.command(["PING"]).checked()
        }
        guard reply == .status("PONG") else { throw RedisError.unexpectedReply("PING returned \(reply)") }
    }
}
