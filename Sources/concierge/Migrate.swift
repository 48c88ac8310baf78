import ArgumentParser
import ConciergeRuntime
import Logging

/// `concierge migrate`: applies pending SQL migrations (as CONCIERGE_MIGRATION_DATABASE_URL).
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending database migrations and grant the app role.")

    func run() async throws {
        let configuration = try await reportingAppErrors { try ConciergeConfiguration() }
        var logger = Logger(label: "concierge.migrate")
        logger.logLevel = .warning
        let applied = try await reportingAppErrors { try await CommandSupport.migrate(configuration, logger: logger) }
        print(applied.isEmpty ? "database is up to date" : "applied migrations: \(applied.joined(separator: ", "))")
    }
}

/// `concierge dev`: API, worker and scheduler in one process, for local use.
struct Dev: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the API, worker and scheduler in one process.")

    func run() async throws {
        try await ServiceEntryPoints.run([.api, .worker, .scheduler])
    }
}
