import Foundation

/// A request from a customer (or an internal work item), the unit of work of every agent.
public struct Ticket: Sendable, Equatable {
    public var id: TicketID
    public var tenantID: TenantID
    /// Per-tenant sequential number shown to people (#1001).
    public var number: Int64
    public var subject: String
    public var description: String
    public var status: TicketStatus
    public var priority: TicketPriority
    public var type: TicketType
    public var channel: TicketChannel
    public var requesterID: CustomerID
    public var organizationID: OrganizationID?
    public var assigneeID: UserID?
    public var groupID: GroupID?
    public var followerIDs: [UserID]
    /// Normalised (see ``TicketTags``), sorted, unique.
    public var tags: [String]
    /// Values keyed by custom field key.
    public var customFields: [String: JSONValue]
    /// For tasks.
    public var dueAt: Date?
    /// The ticket form chosen for it (decides which custom fields apply), if any.
    public var formKey: String?
    /// The device or installed equipment the ticket is about.
    public var assetID: AssetID?
    /// The customer request this internal work ticket was spawned from.
    public var parentID: TicketID?
    /// Set when this ticket was merged into another (it is then closed).
    public var mergedIntoID: TicketID?
    public var createdAt: Date
    public var updatedAt: Date
    public var firstResponseAt: Date?
    public var solvedAt: Date?
    public var closedAt: Date?
    /// The earliest unfulfilled SLA target (the next or a past breach), kept by the SLA
    /// tracker; `nil` when no policy applies or every target is met.
    public var slaBreachAt: Date?
    /// Incremented by every change; clients send it back (If-Match) to avoid lost updates.
    public var version: Int

    public init(
        id: TicketID, tenantID: TenantID, number: Int64, subject: String, description: String, status: TicketStatus,
        priority: TicketPriority, type: TicketType, channel: TicketChannel, requesterID: CustomerID,
        organizationID: OrganizationID? = nil, assigneeID: UserID? = nil, groupID: GroupID? = nil,
        followerIDs: [UserID] = [], tags: [String] = [], customFields: [String: JSONValue] = [:], dueAt: Date? = nil,
        formKey: String? = nil, assetID: AssetID? = nil, parentID: TicketID? = nil, mergedIntoID: TicketID? = nil,
        createdAt: Date, updatedAt: Date,
        firstResponseAt: Date? = nil, solvedAt: Date? = nil, closedAt: Date? = nil, version: Int = 1
    ) {
        self.id = id
        self.tenantID = tenantID
        self.number = number
        self.subject = subject
        self.description = description
        self.status = status
        self.priority = priority
        self.type = type
        self.channel = channel
        self.requesterID = requesterID
        self.organizationID = organizationID
        self.assigneeID = assigneeID
        self.groupID = groupID
        self.followerIDs = followerIDs
        self.tags = tags
        self.customFields = customFields
        self.dueAt = dueAt
        self.formKey = formKey
        self.assetID = assetID
        self.parentID = parentID
        self.mergedIntoID = mergedIntoID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.firstResponseAt = firstResponseAt
        self.solvedAt = solvedAt
        self.closedAt = closedAt
        self.version = version
    }
}
