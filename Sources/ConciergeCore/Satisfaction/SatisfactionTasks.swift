import ConciergeDomain
import Foundation
import Logging

/// Plans a ticket's CSAT survey when it is solved (worker side of ``SatisfactionDesk``).
/// Planning is idempotent: a ticket gets one CSAT survey.
public struct SatisfactionSubscriber: EventSubscriber {
    public let name = "satisfaction"
    let desk: SatisfactionDesk

    public init(desk: SatisfactionDesk) { self.desk = desk }

    public func wants(_ eventType: String) -> Bool {
        eventType == "ticket.updated" || eventType == "ticket.comment_added"
    }

    public func receive(_ dispatch: EventDispatch) async throws -> EventAftermath? {
        guard let ticket = dispatch.ticketID else { return nil }
        try await desk.planSurvey(for: ticket, tx: dispatch.tx, at: dispatch.at)
        return nil
    }
}

/// The scheduler's pass that sends the surveys whose time has come.
public struct SatisfactionSendingTask: PeriodicTask {
    public let name = "satisfaction.send"
    public let interval: Duration
    let directory: any SatisfactionDirectory
    let desk: SatisfactionDesk
    let logger: Logger

    public init(
        directory: any SatisfactionDirectory, desk: SatisfactionDesk, interval: Duration = .seconds(30),
        logger: Logger
    ) {
        self.directory = directory
        self.desk = desk
        self.interval = interval
        self.logger = logger
    }

    public func runOnce() async throws {
        for tenant in try await directory.tenantsWithDueSurveys(by: Date()) {
            do {
                let sent = try await desk.sendDue(tenant: tenant)
                if sent > 0 { logger.info("surveys sent", metadata: ["tenant_id": "\(tenant)", "count": "\(sent)"]) }
            } catch {
                logger.error("sending surveys failed", metadata: ["tenant_id": "\(tenant)", "error": "\(error)"])
            }
        }
    }
}
