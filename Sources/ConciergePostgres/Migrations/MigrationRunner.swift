import Crypto
import Foundation
import Logging
import PostgresNIO

/// Applies the ordered SQL files in `Migrations/SQL` that the database has not seen, each in
/// its own transaction, recording name and checksum in `schema_migrations`; then (re)grants
/// the application role. Safe to run concurrently (advisory lock) and repeatedly.
public struct MigrationRunner: Sendable {
    /// One SQL file.
    public struct Migration: Sendable, Equatable {
        public var version: String
        public var name: String
        public var sql: String
        public var checksum: String
    }

    static let lockKey: Int64 = 0x636f_6e63_6965_7267  // "concierg"

    let client: PostgresClient
    let appRole: String
    let logger: Logger

    public init(client: PostgresClient, appRole: String, logger: Logger) {
        self.client = client
        self.appRole = appRole
        self.logger = logger
    }

    /// The migrations bundled with this build, in order.
    public static func bundled() throws -> [Migration] {
        guard let directory = Bundle.module.url(forResource: "SQL", withExtension: nil) else {
            throw MigrationError(message: "the SQL migrations are missing from the resource bundle")
        }
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { url in
            let file = url.deletingPathExtension().lastPathComponent
            guard let separator = file.firstIndex(of: "_") else {
                throw MigrationError(message: "\(file).sql is not named NNNN_verb_table.sql")
            }
            let sql = try String(contentsOf: url, encoding: .utf8)
            let checksum = SHA256.hash(data: Data(sql.utf8)).map { String(format: "%02x", $0) }.joined()
            return Migration(
                version: String(file[..<separator]), name: String(file[file.index(after: separator)...]), sql: sql,
                checksum: checksum)
        }
    }

    /// Applies what is pending. - Returns: the versions applied by this call.
    @discardableResult
    public func migrate(_ migrations: [Migration]? = nil) async throws -> [String] {
        let all = try migrations ?? Self.bundled()
        guard appRole.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
            throw MigrationError(message: "application role name '\(appRole)' is not a plain lowercase identifier")
        }
        return try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.lockKey))", logger: logger)
            do {
                try await checkAppRole(on: connection)
                let applied = try await apply(all, on: connection)
                try await grant(on: connection)
                try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
                return applied
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
                throw error
            }
        }
    }

    private func apply(_ all: [Migration], on connection: PostgresConnection) async throws -> [String] {
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, logger: logger)
        var known: [String: String] = [:]
        for try await (version, checksum) in try await connection.query(
            "SELECT version, checksum FROM schema_migrations", logger: logger
        ).decode((String, String).self) {
            known[version] = checksum
        }
        var applied: [String] = []
        for migration in all {
            if let checksum = known[migration.version] {
                guard checksum == migration.checksum else {
                    throw MigrationError(
                        message:
                            "migration \(migration.version)_\(migration.name) was edited after it was applied; add a new migration instead"
                    )
                }
                continue
            }
            try await connection.withTransaction(logger: logger) { tx in
                for statement in SQLScript.statements(migration.sql) {
                    try await tx.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await tx.query(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (\(migration.version), \(migration.name), \(migration.checksum))",
                    logger: logger)
            }
            logger.info(
                "applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
            applied.append(migration.version)
        }
        return applied
    }

    /// Refuses an application role that is missing or could bypass row-level security: the
    /// tenant isolation guarantee rests on it.
    private func checkAppRole(on connection: PostgresConnection) async throws {
        let rows = try await connection.query(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = \(appRole)", logger: logger)
        var found: (Bool, Bool)?
        for try await row in rows.decode((Bool, Bool).self) { found = row }
        guard let (superuser, bypass) = found else {
            throw MigrationError(
                message: "application role '\(appRole)' does not exist; create it (NOSUPERUSER NOBYPASSRLS) first")
        }
        guard !superuser, !bypass else {
            throw MigrationError(
                message: "application role '\(appRole)' is a superuser or has BYPASSRLS; tenant isolation needs neither"
            )
        }
    }

    /// The application role reads and writes tenant data but cannot alter the schema, rewrite
    /// the event log or read the migration ledger.
    private func grant(on connection: PostgresConnection) async throws {
        let role = "\"\(appRole)\""
        let statements = [
            "GRANT USAGE ON SCHEMA public TO \(role)",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(role)",
            "REVOKE UPDATE, DELETE ON events FROM \(role)",
            "REVOKE ALL ON schema_migrations FROM \(role)",
            "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO \(role)",
            "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO \(role)",
        ]
        for statement in statements {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
    }
}

/// A migration could not be applied.
public struct MigrationError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
