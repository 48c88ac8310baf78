import Foundation
import Logging

/// Deletes the portal's expired sign-in links and sessions of every tenant (each customer's
/// are also cleared when they ask for a link or sign in; this catches the ones who never come
/// back).
public struct PortalHousekeepingTask: PeriodicTask {
    public let name = "portal.housekeeping"
    public let interval: Duration
    let purger: any PortalAccessPurger
    let logger: Logger

    public init(purger: any PortalAccessPurger, interval: Duration = .seconds(300), logger: Logger) {
        self.purger = purger
        self.interval = interval
        self.logger = logger
    }

    public func runOnce() async throws {
        let purged = try await purger.purgeExpired(before: .now)
        if purged > 0 { logger.info("portal housekeeping", metadata: ["expired_portal_rows": "\(purged)"]) }
    }
}
