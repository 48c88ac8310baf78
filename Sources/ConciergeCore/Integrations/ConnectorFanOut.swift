import ConciergeDomain
import Foundation

/// Turns a ticket event into one delivery per enabled connector subscribed to its type, in the
/// dispatch's transaction with the deliveries' outbox rows: nothing is lost if the worker dies, and a
/// re-delivered event creates nothing twice (the event id is each delivery's idempotency key).
/// The jobs are also queued straight after the commit, so a delivery does not wait for the
/// next outbox relay pass; the relay's copy later finds the delivery done and does nothing.
public struct ConnectorFanOut: EventSubscriber {
    public let name = "connectors"
    let queue: any JobQueue
    let publicURL: String

    public init(queue: any JobQueue, publicURL: String) {
        self.queue = queue
        self.publicURL = publicURL
    }

    public func wants(_ eventType: String) -> Bool { eventType.hasPrefix("ticket.") }

    public func receive(_ dispatch: EventDispatch) async throws -> EventAftermath? {
        let tx = dispatch.tx
        let connectors = try await tx.connectors.subscribed(to: dispatch.event.type)
        guard !connectors.isEmpty, let eventID = EventID(dispatch.event.eventID),
            let tenant = try await tx.tenant()
        else { return nil }
        let ticket = try await dispatch.ticketID.asyncMap { try await tx.tickets.find(id: $0) } ?? nil
        let composer = ConnectorMessageComposer(tx: tx, tenant: tenant, publicURL: publicURL)
        var jobs: [Job] = []
        for stored in connectors {
            let deliveryID = ConnectorDeliveryID()
            let message = try await composer.compose(
                deliveryID: deliveryID, eventType: dispatch.event.type, eventID: dispatch.event.eventID,
                occurredAt: dispatch.recorded?.event.occurredAt ?? dispatch.at, ticket: ticket,
                connector: stored.connector)
            let delivery = ConnectorDelivery(
                id: deliveryID, tenantID: dispatch.tenantID, connectorID: stored.connector.id,
                idempotencyKey: dispatch.event.eventID, eventType: dispatch.event.type, ticketID: ticket?.id,
                message: message.stored, createdAt: dispatch.at, updatedAt: dispatch.at)
            let job = ConnectorDeliverer.job(for: deliveryID, tenant: dispatch.tenantID)
            if try await tx.connectors.insert(delivery, job: job, queue: ConnectorDeliverer.queue, causedBy: eventID) {
                jobs.append(job)
            }
        }
        guard !jobs.isEmpty else { return nil }
        return { [queue, jobs] in
            for job in jobs { _ = try? await queue.enqueue(job, on: ConnectorDeliverer.queue, delay: .zero) }
        }
    }
}
