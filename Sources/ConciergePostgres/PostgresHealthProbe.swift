import ConciergeCore
import Logging
import PostgresNIO

/// Readiness check: one round trip to Postgres.
public struct PostgresHealthProbe: HealthProbe {
    public let name = "postgres"
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func check() async throws {
        try await client.query("SELECT 1", logger: logger)
    }
}
