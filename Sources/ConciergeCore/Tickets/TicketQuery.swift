import ConciergeDomain
import Foundation

/// Filters, search text, order and page of a ticket list (a view, an API query).
public struct TicketQuery: Sendable, Equatable {
    /// Who a ticket is assigned to.
    public enum Assignee: Sendable, Equatable {
        case user(UserID)
        case unassigned
    }

    /// Sortable columns.
    public enum SortField: String, Sendable, CaseIterable {
        case updatedAt = "updated_at"
        case createdAt = "created_at"
        case number
        /// The next SLA breach; only tickets with SLA targets are listed.
        case slaBreachAt = "sla_breach_at"
    }

    public var statuses: [TicketStatus] = []
    public var priorities: [TicketPriority] = []
    public var types: [TicketType] = []
    public var channels: [TicketChannel] = []
    public var assignee: Assignee?
    public var groupIDs: [GroupID] = []
    public var requesterID: CustomerID?
    /// Leaves out internal work tickets (those spawned from a request: `parentID` set).
    public var topLevelOnly = false
    public var organizationID: OrganizationID?
    /// Every tag must be present.
    public var tags: [String] = []
    public var createdAfter: Date?
    public var createdBefore: Date?
    public var updatedAfter: Date?
    public var updatedBefore: Date?
    /// Tickets whose next SLA breach (or an unmet past one) is before this moment.
    public var slaBreachBefore: Date?
    /// Exact matches on custom field values.
    public var customFields: [String: JSONValue] = [:]
    /// Full-text search over subject, description and comments (Chinese and English).
    public var text: String?
    public var sort: SortField = .updatedAt
    public var descending = true
    public var limit = 50
    /// Opaque position returned as `next_cursor` by the previous page.
    public var cursor: String?

    public init() {}
}

/// A page of tickets and the cursor of the next one.
public struct TicketPage: Sendable {
    public var tickets: [Ticket]
    public var nextCursor: String?

    public init(tickets: [Ticket], nextCursor: String?) {
        self.tickets = tickets
        self.nextCursor = nextCursor
    }
}
