import ConciergeDomain
import Foundation

/// `event.dispatch`: delivers one committed domain event (relayed from the outbox) to every
/// subscriber — SLA timers, triggers, webhooks as they arrive. Each subscriber records the
/// event id in the idempotency ledger, so a re-delivery has no second effect.
public struct EventDispatchJob: JobHandler {
    public static let jobName = "event.dispatch"
    public var name: String { Self.jobName }

    let subscribers: [any EventSubscriber]

    public init(subscribers: [any EventSubscriber]) { self.subscribers = subscribers }

    public func handle(_ lease: LeasedJob, context: JobContext) async throws {
        guard let data = lease.job.payload.data(using: .utf8),
            let event = try? JSONDecoder().decode(DispatchedEvent.self, from: data), lease.job.tenantID != nil
        else { throw JobFailure.permanent("payload is not a dispatched event") }
        for subscriber in subscribers where subscriber.wants(event.type) {
            try await subscriber.receive(event, lease: lease, context: context)
        }
    }
}

/// A reaction to domain events (implemented by later modules: SLA, triggers, webhooks).
public protocol EventSubscriber: Sendable {
    /// Stable name, recorded in the idempotency ledger.
    var name: String { get }
    func wants(_ eventType: String) -> Bool
    func receive(_ event: DispatchedEvent, lease: LeasedJob, context: JobContext) async throws
}

/// The outbox payload of a ticket event.
public struct DispatchedEvent: Sendable, Decodable, Equatable {
    public var eventID: String
    public var type: String
    public var ticketID: String?
    public var version: Int?

    enum CodingKeys: String, CodingKey {
        case eventID = "event_id"
        case type
        case ticketID = "ticket_id"
        case version
    }
}
