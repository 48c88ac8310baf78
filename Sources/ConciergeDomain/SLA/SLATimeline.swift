import Foundation

/// Everything about a ticket's history that SLA clocks depend on; ``SLAClock`` recomputes
/// every metric from it, so replaying a ticket's history always gives the same answer.
public struct SLATimeline: Sendable, Equatable {
    /// When the ticket was created; every clock starts no earlier.
    public var createdAt: Date
    /// The status the ticket was created in.
    public var initialStatus: TicketStatus
    /// The priority the ticket was created with.
    public var initialPriority: TicketPriority
    /// What happened since, in any order: events are ordered by date, and events with the same
    /// date keep the order given. Events dated before creation count as at creation.
    public var events: [SLAEvent]

    /// A timeline from its parts.
    public init(
        createdAt: Date, initialStatus: TicketStatus = .new, initialPriority: TicketPriority,
        events: [SLAEvent] = []
    ) {
        self.createdAt = createdAt
        self.initialStatus = initialStatus
        self.initialPriority = initialPriority
        self.events = events
    }
}
