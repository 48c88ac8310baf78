import Foundation

/// A fact in a ticket's history that moves an SLA clock.
public enum SLAEvent: Sendable, Equatable {
    /// The ticket moved to a status: solving and reopening are status changes too.
    case statusChanged(to: TicketStatus, at: Date)
    /// The ticket's priority changed; targets are taken from the new priority from then on.
    case priorityChanged(to: TicketPriority, at: Date)
    /// An agent posted a public reply (internal notes do not count).
    case agentReplied(at: Date)
    /// The requester replied (email, portal, chat, …).
    case requesterReplied(at: Date)

    /// When it happened.
    public var date: Date {
        switch self {
        case .statusChanged(_, let date), .priorityChanged(_, let date), .agentReplied(let date),
            .requesterReplied(let date):
            date
        }
    }
}
