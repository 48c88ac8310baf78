import ConciergeCore
import Foundation
import Logging
import PostgresNIO

/// Leader election on a session-level Postgres advisory lock.
///
/// The campaigning process holds one pooled connection: while it holds the lock it is the
/// leader. If the process dies, the server drops the connection and with it the lock, and the
/// next standby's `pg_try_advisory_lock` succeeds (within `pollInterval`). The leader checks its
/// connection every `heartbeatInterval` and steps down when that fails, so two leaders never
/// run for longer than one heartbeat.
public struct PostgresLeaderElection: LeaderElection {
    let client: PostgresClient
    let pollInterval: Duration
    let heartbeatInterval: Duration
    let logger: Logger

    public init(
        client: PostgresClient, pollInterval: Duration = .seconds(1), heartbeatInterval: Duration = .seconds(2),
        logger: Logger
    ) {
        self.client = client
        self.pollInterval = pollInterval
        self.heartbeatInterval = heartbeatInterval
        self.logger = logger
    }

    public func lead(_ name: String, holder: String, _ body: @escaping @Sendable () async throws -> Void) async throws {
        let key = Self.lockKey(for: name)
        let logger = self.logger
        let heartbeatInterval = self.heartbeatInterval
        try await client.withConnection { connection in
            while try await !Self.tryLock(key, on: connection, logger: logger) {
                try await Task.sleep(for: pollInterval)
            }
            do {
                try await connection.query(
                    """
                    INSERT INTO scheduler_leases (name, holder, acquired_at, heartbeat_at) VALUES (\(name), \(holder), now(), now())
                    ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, acquired_at = now(), heartbeat_at = now()
                    """, logger: logger)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await body() }
                    group.addTask {
                        while true {
                            try await Task.sleep(for: heartbeatInterval)
                            try await connection.query(
                                "UPDATE scheduler_leases SET heartbeat_at = now() WHERE name = \(name) AND holder = \(holder)",
                                logger: logger)
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(key))", logger: logger)
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(key))", logger: logger)
                throw error
            }
        }
    }

    public func currentHolder(of name: String) async throws -> String? {
        let rows = try await client.query("SELECT holder FROM scheduler_leases WHERE name = \(name)", logger: logger)
        for try await holder in rows.decode(String.self) { return holder }
        return nil
    }

    private static func tryLock(_ key: Int64, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query("SELECT pg_try_advisory_lock(\(key))", logger: logger)
        for try await locked in rows.decode(Bool.self) { return locked }
        return false
    }

    /// A process-independent 64-bit key (FNV-1a): Swift's `hashValue` differs per process.
    static func lockKey(for name: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
