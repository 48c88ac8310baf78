import ConciergeDomain
import Foundation

/// `event.dispatch`: delivers one committed domain event (relayed from the outbox) to every
/// subscriber — SLA clocks, triggers, routing, surveys, connectors.
///
/// The first attempt runs all subscribers in one transaction, which records the event in the
/// idempotency ledger once and reads the event once: one round of `BEGIN`, tenant binding and
/// `COMMIT` per event instead of one per subscriber. A later attempt (the first failed, or its
/// worker died) runs each subscriber in a transaction of its own with a ledger entry of its
/// own, so one failing subscriber cannot hold back the others' effects.
public struct EventDispatchJob: JobHandler {
    public static let jobName = "event.dispatch"
    /// The ledger handler of a whole dispatch committed in one transaction.
    static let ledgerHandler = "event.dispatch"
    public var name: String { Self.jobName }

    let store: any TenantStore
    let subscribers: [any EventSubscriber]
    let now: @Sendable () -> Date

    public init(
        store: any TenantStore, subscribers: [any EventSubscriber], now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.subscribers = subscribers
        self.now = now
    }

    public func handle(_ lease: LeasedJob, context: JobContext) async throws {
        guard let data = lease.job.payload.data(using: .utf8),
            let event = try? JSONDecoder().decode(DispatchedEvent.self, from: data), let tenant = lease.job.tenantID
        else { throw JobFailure.permanent("payload is not a dispatched event") }
        let wanting = subscribers.filter { $0.wants(event.type) }
        guard !wanting.isEmpty else { return }
        if lease.attempt <= 1 {
            try await dispatchTogether(event, to: wanting, tenant: tenant)
        } else {
            try await dispatchApart(event, to: wanting, tenant: tenant)
        }
    }

    private func dispatchTogether(_ event: DispatchedEvent, to wanting: [any EventSubscriber], tenant: TenantID)
        async throws
    {
        let at = now()
        let aftermaths = try await store.transaction(tenant) { tx -> [EventAftermath] in
            guard try await tx.jobReceipts.record(jobID: event.eventID, handler: Self.ledgerHandler) else { return [] }
            let dispatch = try await EventDispatch.load(event, tenant: tenant, tx: tx, at: at)
            var aftermaths: [EventAftermath] = []
            for subscriber in wanting {
                if let aftermath = try await subscriber.receive(dispatch) { aftermaths.append(aftermath) }
            }
            return aftermaths
        }
        for aftermath in aftermaths { await aftermath() }
    }

    private func dispatchApart(_ event: DispatchedEvent, to wanting: [any EventSubscriber], tenant: TenantID)
        async throws
    {
        let done = try await store.transaction(tenant) { tx in
            try await tx.jobReceipts.contains(jobID: event.eventID, handler: Self.ledgerHandler)
        }
        guard !done else { return }
        var firstFailure: (any Error)?
        for subscriber in wanting {
            let at = now()
            do {
                let aftermath = try await store.transaction(tenant) { tx -> EventAftermath? in
                    guard
                        try await tx.jobReceipts.record(
                            jobID: event.eventID, handler: "\(Self.ledgerHandler):\(subscriber.name)")
                    else { return nil }
                    return try await subscriber.receive(
                        try await EventDispatch.load(event, tenant: tenant, tx: tx, at: at))
                }
                await aftermath?()
            } catch {
                firstFailure = firstFailure ?? error
            }
        }
        if let firstFailure { throw firstFailure }
    }
}

/// Work a subscriber leaves for after its transaction commits (queueing jobs it wrote).
public typealias EventAftermath = @Sendable () async -> Void

/// A reaction to domain events: SLA clocks, triggers, routing, surveys, connectors.
public protocol EventSubscriber: Sendable {
    /// Stable name, recorded in the idempotency ledger when it runs on its own.
    var name: String { get }
    func wants(_ eventType: String) -> Bool
    /// Reacts to the event inside `dispatch.tx`, which the dispatcher commits (and whose ledger
    /// entry keeps a redelivery from having a second effect). - Returns: work for after the commit.
    func receive(_ dispatch: EventDispatch) async throws -> EventAftermath?
}

/// One event being dispatched: the transaction its subscribers share and the event as recorded.
public struct EventDispatch: Sendable {
    public var event: DispatchedEvent
    public var tenantID: TenantID
    public var tx: any TenantTransaction
    /// The event as recorded in the log (`nil` if it is gone, e.g. its tenant was purged).
    public var recorded: RecordedEvent?
    /// The dispatch's clock reading, shared by its subscribers.
    public var at: Date

    /// The ticket the event is about, if any.
    public var ticketID: TicketID? { event.ticketID.flatMap(TicketID.init) }

    static func load(_ event: DispatchedEvent, tenant: TenantID, tx: any TenantTransaction, at: Date) async throws
        -> EventDispatch
    {
        let recorded = try await EventID(event.eventID).asyncMap { try await tx.events.find(id: $0) } ?? nil
        return EventDispatch(event: event, tenantID: tenant, tx: tx, recorded: recorded, at: at)
    }
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
