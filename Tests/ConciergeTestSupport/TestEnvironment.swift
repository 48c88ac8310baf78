import ConciergePostgres
import ConciergeRuntime
import Foundation
import Logging
import PostgresNIO

/// Real Postgres and Redis for tests, as `make test` starts them: one migrated template
/// database per migration set, and a fresh database cloned from it for each test that asks
/// (`CREATE DATABASE … TEMPLATE …`), so tests are isolated and run in parallel.
public struct TestEnvironment: Sendable {
    /// The process-wide environment.
    public static let shared = TestEnvironment()
    /// Built once per process, on first use.
    private static let template = Task { try await TestEnvironment.shared.buildTemplate() }

    let adminURL: DatabaseURL
    let appRole: String
    let appPassword: String
    public let redisURL: String
    let logger: Logger

    init() {
        let environment = ProcessInfo.processInfo.environment
        adminURL = try! DatabaseURL(
            environment["CONCIERGE_TEST_DATABASE_URL"]
                ?? "postgres://concierge_owner:concierge_owner@127.0.0.1:55433/postgres")
        appRole = environment["CONCIERGE_TEST_APP_DATABASE_ROLE"] ?? "concierge_app"
        appPassword = environment["CONCIERGE_TEST_APP_DATABASE_PASSWORD"] ?? "concierge_app"
        redisURL = environment["CONCIERGE_TEST_REDIS_URL"] ?? "redis://127.0.0.1:56380/0"
        var logger = Logger(label: "concierge.test")
        logger.logLevel = .warning
        self.logger = logger
    }

    /// A new, migrated, empty database and the configuration pointing at it (app role for the
    /// services, owner for migrations), with a private Redis key prefix.
    public func freshConfiguration(extra: [String: String] = [:]) async throws -> ConciergeConfiguration {
        try ConciergeConfiguration(environment: try await freshEnvironment(extra: extra))
    }

    /// Like ``freshConfiguration(extra:)``, as the `CONCIERGE_*` variables a spawned binary needs.
    public func freshEnvironment(extra: [String: String] = [:]) async throws -> [String: String] {
        let template = try await Self.template.value
        let name = "concierge_test_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        try await withAdmin { client in
            _ = try await client.query(
                PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) TEMPLATE \(template)"), logger: logger)
        }
        return environment(database: name, extra: extra)
    }

    /// The environment a test process (or spawned binary) uses for database `name`.
    public func environment(database name: String, extra: [String: String] = [:]) -> [String: String] {
        let app = DatabaseURL(
            host: adminURL.host, port: adminURL.port, username: appRole, password: appPassword, database: name)
        var values = [
            "CONCIERGE_DATABASE_URL": app.urlString,
            "CONCIERGE_MIGRATION_DATABASE_URL": adminURL.with(database: name).urlString,
            "CONCIERGE_DATABASE_APP_ROLE": appRole,
            "CONCIERGE_DATABASE_POOL_SIZE": "6",
            "CONCIERGE_REDIS_URL": redisURL,
            "CONCIERGE_REDIS_PREFIX": "t\(UUID().uuidString.prefix(8).lowercased())",
            "CONCIERGE_REDIS_POOL_SIZE": "6",
            "CONCIERGE_BCRYPT_COST": "4",
            "CONCIERGE_COOKIE_SECURE": "false",
            "CONCIERGE_LOG_LEVEL": "warning",
            "CONCIERGE_ATTACHMENTS_DIR": FileManager.default.temporaryDirectory.appendingPathComponent(
                "concierge-attachments-\(name)"
            ).path,
        ]
        values.merge(extra) { _, new in new }
        return values
    }

    /// Creates the template for the current migrations once (named by their checksum), under
    /// an advisory lock so concurrent test processes agree.
    private func buildTemplate() async throws -> String {
        let migrations = try MigrationRunner.bundled()
        let digest = migrations.map(\.checksum).joined().utf8.reduce(UInt64(1_469_598_103_934_665_603)) {
            ($0 ^ UInt64($1)) &* 1_099_511_628_211
        }
        let name = "concierge_template_\(String(digest, radix: 16))"
        try await withAdmin { client in
            try await client.withConnection { connection in
                try await connection.query("SELECT pg_advisory_lock(4242)", logger: logger)
                defer {
                    Task { [logger] in
                        _ = try? await connection.query("SELECT pg_advisory_unlock(4242)", logger: logger)
                    }
                }
                let exists =
                    try await connection.query("SELECT 1 FROM pg_database WHERE datname = \(name)", logger: logger)
                    .collect().isEmpty == false
                guard !exists else { return }
                let building = "\(name)_building"
                try await connection.query(
                    PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(building)"), logger: logger)
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(building)"), logger: logger)
                let target = PostgresClient(
                    configuration: adminURL.with(database: building).clientConfiguration(), backgroundLogger: logger)
                _ = try await CommandSupport.withRunning(target) {
                    try await MigrationRunner(client: target, appRole: appRole, logger: logger).migrate(migrations)
                }
                try await connection.query(
                    PostgresQuery(unsafeSQL: "ALTER DATABASE \(building) RENAME TO \(name)"), logger: logger)
            }
        }
        return name
    }

    private func withAdmin<T: Sendable>(_ body: @Sendable (PostgresClient) async throws -> T) async throws -> T {
        let client = PostgresClient(configuration: adminURL.clientConfiguration(), backgroundLogger: logger)
        return try await CommandSupport.withRunning(client) { try await body(client) }
    }
}
