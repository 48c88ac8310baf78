import ConciergeDomain
import Foundation

/// Recomputes a ticket's SLA clocks when one of its events arrives (worker side of
/// ``SLATracker``). Recomputing is idempotent, so a redelivered event does no harm.
public struct SLAEventSubscriber: EventSubscriber {
    public let name = "sla"

    public init() {}

    public func wants(_ eventType: String) -> Bool { SLATracker.clockEvents.contains(eventType) }

    public func receive(_ dispatch: EventDispatch) async throws -> EventAftermath? {
        guard let id = dispatch.ticketID, let ticket = try await dispatch.tx.tickets.lock(id: id) else { return nil }
        _ = try await SLATracker.recompute(ticket, tx: dispatch.tx, at: dispatch.at)
        return nil
    }
}
