import ConciergeDomain
import Foundation

/// A request's status as the customer reads it: agents' finer states (new, open, on hold) are
/// all "in progress" to the customer.
public enum PortalStatus: String, Sendable, CaseIterable {
    case inProgress = "in_progress"
    /// Pending: the team waits for the customer's answer.
    case awaitingYou = "awaiting_you"
    case solved
    case closed

    public init(_ status: TicketStatus) {
        switch status {
        case .new, .open, .onHold: self = .inProgress
        case .pending: self = .awaitingYou
        case .solved: self = .solved
        case .closed: self = .closed
        }
    }
}

/// The tabs of "my requests".
public enum PortalRequestFilter: String, Sendable, CaseIterable {
    case all
    /// Not solved yet (awaiting the customer included).
    case open
    case awaitingYou = "awaiting_you"
    /// Solved or closed.
    case solved

    var statuses: [TicketStatus] {
        switch self {
        case .all: []
        case .open: [.new, .open, .pending, .onHold]
        case .awaitingYou: [.pending]
        case .solved: [.solved, .closed]
        }
    }
}
