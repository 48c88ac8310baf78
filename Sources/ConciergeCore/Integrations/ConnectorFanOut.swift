import ConciergeDomain
import Foundation

/// Turns a ticket event into one delivery per enabled connector subscribed to its type, in one
/// transaction with the deliveries' outbox rows: nothing is lost if the worker dies, and a
/// re-delivered event creates nothing twice (the event id is each delivery's idempotency key).
/// The jobs are also queued straight after the commit, so a delivery does not wait for the
/// next outbox relay pass; the relay's copy later finds the delivery done and does nothing.
public struct ConnectorFanOut: EventSubscriber {
    public let name = "connectors"
    let store: any TenantStore
    let tenants: any TenantDirectory
    let queue: any JobQueue
    let publicURL: String
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, tenants: any TenantDirectory, queue: any JobQueue, publicURL: String,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.tenants = tenants
        self.queue = queue
        self.publicURL = publicURL
        self.now = now
    }

    public func wants(_ eventType: String) -> Bool { eventType.hasPrefix("ticket.") }

    public func receive(_ event: DispatchedEvent, lease: LeasedJob, context: JobContext) async throws {
        guard let tenantID = lease.job.tenantID, let eventID = EventID(event.eventID) else { return }
        guard let tenant = try await tenants.find(id: tenantID) else { return }
        let createdAt = now()
        let jobs = try await store.transaction(tenantID) { tx -> [Job] in
            let connectors = try await tx.connectors.subscribed(to: event.type)
            guard !connectors.isEmpty else { return [] }
            let recorded = try await tx.events.find(id: eventID)
            let ticket =
                try await event.ticketID.flatMap(TicketID.init).asyncMap { try await tx.tickets.find(id: $0) } ?? nil
            let composer = ConnectorMessageComposer(tx: tx, tenant: tenant, publicURL: publicURL)
            var jobs: [Job] = []
            for stored in connectors {
                let deliveryID = ConnectorDeliveryID()
                let message = try await composer.compose(
                    deliveryID: deliveryID, eventType: event.type, eventID: event.eventID,
                    occurredAt: recorded?.event.occurredAt ?? createdAt, ticket: ticket,
                    settings: stored.connector.settings)
                let delivery = ConnectorDelivery(
                    id: deliveryID, tenantID: tenantID, connectorID: stored.connector.id, idempotencyKey: event.eventID,
                    eventType: event.type, ticketID: ticket?.id, message: message.stored, createdAt: createdAt,
                    updatedAt: createdAt)
                let job = ConnectorDeliverer.job(for: deliveryID, tenant: tenantID)
                if try await tx.connectors.insert(
                    delivery, job: job, queue: ConnectorDeliverer.queue, causedBy: eventID)
                {
                    jobs.append(job)
                }
            }
            return jobs
        }
        for job in jobs { _ = try? await queue.enqueue(job, on: ConnectorDeliverer.queue, delay: .zero) }
    }
}
