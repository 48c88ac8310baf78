import Foundation
import Logging

/// Deletes expired sessions and old published outbox rows.
public struct HousekeepingTask: PeriodicTask {
    public let name = "housekeeping"
    public let interval: Duration
    let credentials: any CredentialStore
    let outbox: any OutboxSource
    let outboxRetention: Duration
    let logger: Logger

    public init(
        credentials: any CredentialStore, outbox: any OutboxSource, interval: Duration = .seconds(300),
        outboxRetention: Duration = .seconds(7 * 24 * 3600), logger: Logger
    ) {
        self.credentials = credentials
        self.outbox = outbox
        self.interval = interval
        self.outboxRetention = outboxRetention
        self.logger = logger
    }

    public func runOnce() async throws {
        let sessions = try await credentials.purgeExpiredSessions(now: .now)
        let rows = try await outbox.purgePublished(olderThan: outboxRetention)
        if sessions + rows > 0 {
            logger.info("housekeeping", metadata: ["expired_sessions": "\(sessions)", "purged_outbox_rows": "\(rows)"])
        }
    }
}
