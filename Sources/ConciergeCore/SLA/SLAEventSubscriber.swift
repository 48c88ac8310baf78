import ConciergeDomain
import Foundation

/// Recomputes a ticket's SLA clocks when one of its events arrives (worker side of
/// ``SLATracker``). Recomputing is idempotent, so a redelivered event needs no ledger.
public struct SLAEventSubscriber: EventSubscriber {
    public let name = "sla"
    let tracker: SLATracker

    public init(tracker: SLATracker) { self.tracker = tracker }

    public func wants(_ eventType: String) -> Bool { SLATracker.clockEvents.contains(eventType) }

    public func receive(_ event: DispatchedEvent, lease: LeasedJob, context: JobContext) async throws {
        guard let tenant = lease.job.tenantID, let ticket = event.ticketID.flatMap(TicketID.init) else { return }
        try await tracker.refresh(ticket, tenant: tenant)
    }
}
