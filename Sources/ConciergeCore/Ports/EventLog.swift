import ConciergeDomain
import Foundation

/// The append-only event log of the transaction's tenant, and its outbox.
public protocol EventLog: Sendable {
    /// Appends `event` and, in the same transaction, one outbox row per message.
    func append(_ event: DomainEvent, outbox: [OutboxMessage]) async throws
    /// Appends many events, each with its outbox rows, in one statement (the scheduler fires
    /// thousands of SLA breaches a minute).
    func append(_ entries: [(event: DomainEvent, outbox: [OutboxMessage])]) async throws
    /// Events newest first, before `cursor` (a sequence number), optionally of one subject.
    func list(before cursor: Int64?, limit: Int, subjectType: String?, subjectID: String?) async throws
        -> [RecordedEvent]
    /// The event with this id.
    func find(id: EventID) async throws -> RecordedEvent?
    /// Every event of one subject, oldest first (the input of the SLA clock).
    func history(subjectType: String, subjectID: String) async throws -> [RecordedEvent]
}

/// A job to be published to a queue once the transaction commits.
public struct OutboxMessage: Sendable, Equatable {
    public var queue: String
    public var job: Job

    public init(queue: String, job: Job) {
        self.queue = queue
        self.job = job
    }
}

/// An event as stored, with its position in the log.
public struct RecordedEvent: Sendable, Equatable {
    public var sequence: Int64
    public var event: DomainEvent

    public init(sequence: Int64, event: DomainEvent) {
        self.sequence = sequence
        self.event = event
    }
}
