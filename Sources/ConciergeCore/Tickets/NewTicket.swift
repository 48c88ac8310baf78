import ConciergeDomain
import Foundation

/// What a caller submits to open a ticket.
public struct NewTicket: Sendable {
    /// Who the ticket is for: an existing customer, or an email/phone (and name) that is
    /// matched to one — creating the customer on first contact.
    public enum Requester: Sendable, Equatable {
        case customer(CustomerID)
        case contact(email: String?, phone: String?, name: String?)
    }

    public var subject: String
    public var description: String
    public var requester: Requester
    public var status: TicketStatus?
    public var priority: TicketPriority?
    public var type: TicketType?
    public var channel: TicketChannel
    public var assigneeID: UserID?
    public var groupID: GroupID?
    public var followerIDs: [UserID]
    public var tags: [String]
    public var customFields: [String: JSONValue]
    public var dueAt: Date?
    /// Picks the ticket form explicitly (otherwise chosen by type).
    public var formKey: String?
    /// The device the ticket is about.
    public var assetID: AssetID?
    /// Customers may neither set nor be asked for internal fields.
    public var byCustomer: Bool
    /// Spawns this ticket as internal work of that customer request.
    public var parentID: TicketID?

    public init(
        subject: String, description: String, requester: Requester, status: TicketStatus? = nil,
        priority: TicketPriority? = nil, type: TicketType? = nil, channel: TicketChannel = .api,
        assigneeID: UserID? = nil,
        groupID: GroupID? = nil, followerIDs: [UserID] = [], tags: [String] = [],
        customFields: [String: JSONValue] = [:],
        dueAt: Date? = nil, formKey: String? = nil, assetID: AssetID? = nil, byCustomer: Bool = false,
        parentID: TicketID? = nil
    ) {
        self.subject = subject
        self.description = description
        self.requester = requester
        self.status = status
        self.priority = priority
        self.type = type
        self.channel = channel
        self.assigneeID = assigneeID
        self.groupID = groupID
        self.followerIDs = followerIDs
        self.tags = tags
        self.customFields = customFields
        self.dueAt = dueAt
        self.formKey = formKey
        self.assetID = assetID
        self.byCustomer = byCustomer
        self.parentID = parentID
    }
}
