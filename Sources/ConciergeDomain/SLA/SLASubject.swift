/// What SLA policies are matched against: the few facts about a ticket and its requester
/// that conditions may test, gathered by the caller from wherever they are stored.
public struct SLASubject: Sendable, Equatable {
    /// The ticket's priority.
    public var priority: TicketPriority
    /// The ticket's type.
    public var type: TicketType
    /// The channel the ticket arrived through.
    public var channel: TicketChannel
    /// The group the ticket is assigned to, if any.
    public var groupID: GroupID?
    /// The requester's service tier (`standard`, `vip`), if known.
    public var customerTier: String?
    /// The tier of the requester's organization, if the requester belongs to one.
    public var organizationTier: String?
    /// The ticket's custom field values, keyed by field key.
    public var customFields: [String: JSONValue]

    /// A subject from its parts; everything but priority, type and channel is optional.
    public init(
        priority: TicketPriority, type: TicketType = .question, channel: TicketChannel = .web, groupID: GroupID? = nil,
        customerTier: String? = nil, organizationTier: String? = nil, customFields: [String: JSONValue] = [:]
    ) {
        self.priority = priority
        self.type = type
        self.channel = channel
        self.groupID = groupID
        self.customerTier = customerTier
        self.organizationTier = organizationTier
        self.customFields = customFields
    }

    /// The subject of `ticket`, whose requester and organization tiers the caller looked up.
    public init(ticket: Ticket, customerTier: String?, organizationTier: String?) {
        self.init(
            priority: ticket.priority, type: ticket.type, channel: ticket.channel, groupID: ticket.groupID,
            customerTier: customerTier, organizationTier: organizationTier, customFields: ticket.customFields)
    }
}
