import ConciergeCore
import ConciergePostgres
import Foundation
import Logging
import PostgresNIO

/// Helpers for one-shot commands (the admin CLI and tests): a platform whose Postgres client
/// runs only for the duration of the work.
public enum CommandSupport {
    /// A one-line description of `error` for an operator. PostgresNIO's own description hides
    /// everything "to prevent accidental leakage"; the server's message and SQLSTATE name the
    /// cause without the query or its values.
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            let detail = error.serverInfo?[.detail].map { ": \($0)" } ?? ""
            return "postgres: \(message)\(detail)\(state)"
        }
        return "postgres: \(error.code)"
    }

    /// Builds a platform from the environment, runs `body` with its clients live, then shuts down.
    public static func withPlatform<T: Sendable>(
        logLevel: Logger.Level = .warning, _ body: @Sendable (Platform) async throws -> T
    ) async throws -> T {
        let configuration = try ConciergeConfiguration()
        var logger = Logger(label: "concierge.cli")
        logger.logLevel = logLevel
        let platform = try Platform(configuration: configuration, logger: logger)
        defer { Task { await platform.shutdown() } }
        return try await withRunning(platform.postgres) {
            do {
                try await platform.health[0].check()
            } catch {
                let url = (try? DatabaseURL(configuration.databaseURL).description) ?? "CONCIERGE_DATABASE_URL"
                throw ConfigurationError(
                    variable: "CONCIERGE_DATABASE_URL",
                    message: "cannot reach Postgres at \(url); is it running (make run)?")
            }
            return try await body(platform)
        }
    }

    /// Runs `body` while `client` runs, then stops the client.
    public static func withRunning<T: Sendable>(_ client: PostgresClient, _ body: () async throws -> T) async throws
        -> T
    {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body()
        }
    }

    /// Applies the bundled migrations as the owner role and grants the application role.
    /// - Returns: the versions applied now.
    public static func migrate(_ configuration: ConciergeConfiguration, logger: Logger) async throws -> [String] {
        let client = PostgresClient(
            configuration: try DatabaseURL(configuration.migrationDatabaseURL).clientConfiguration(),
            backgroundLogger: logger)
        return try await withRunning(client) {
            try await MigrationRunner(client: client, appRole: configuration.databaseAppRole, logger: logger).migrate()
        }
    }
}
