/// Which tickets a policy applies to. Every non-empty condition must hold; an empty list (or
/// an omitted key) places no constraint, so the empty conditions match every ticket.
///
/// ```json
/// {"priorities": ["high", "urgent"], "customer_tiers": ["vip"], "channels": ["email", "wecom"],
///  "custom_fields": {"region": "east"}}
/// ```
public struct SLAConditions: Sendable, Equatable, Codable {
    /// The ticket's priority is one of these.
    public var priorities: [TicketPriority]
    /// The requester's tier is one of these.
    public var customerTiers: [String]
    /// The requester's organization has one of these tiers (a requester without an
    /// organization does not match).
    public var organizationTiers: [String]
    /// The ticket arrived through one of these channels.
    public var channels: [TicketChannel]
    /// The ticket is assigned to one of these groups.
    public var groupIDs: [GroupID]
    /// The ticket is of one of these types.
    public var ticketTypes: [TicketType]
    /// Each custom field holds exactly this value (`null` matches a field without a value).
    public var customFields: [String: JSONValue]

    /// Conditions from their parts; the defaults match everything.
    public init(
        priorities: [TicketPriority] = [], customerTiers: [String] = [], organizationTiers: [String] = [],
        channels: [TicketChannel] = [], groupIDs: [GroupID] = [], ticketTypes: [TicketType] = [],
        customFields: [String: JSONValue] = [:]
    ) {
        self.priorities = priorities
        self.customerTiers = customerTiers
        self.organizationTiers = organizationTiers
        self.channels = channels
        self.groupIDs = groupIDs
        self.ticketTypes = ticketTypes
        self.customFields = customFields
    }

    /// Whether `subject` satisfies every condition.
    public func matches(_ subject: SLASubject) -> Bool {
        Self.allows(priorities, subject.priority) && Self.allows(customerTiers, subject.customerTier)
            && Self.allows(organizationTiers, subject.organizationTier) && Self.allows(channels, subject.channel)
            && Self.allows(groupIDs, subject.groupID) && Self.allows(ticketTypes, subject.type)
            && customFields.allSatisfy { key, value in (subject.customFields[key] ?? .null) == value }
    }

    /// Reads the JSON shape above; omitted keys place no constraint.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            priorities: try container.decodeIfPresent([TicketPriority].self, forKey: .priorities) ?? [],
            customerTiers: try container.decodeIfPresent([String].self, forKey: .customerTiers) ?? [],
            organizationTiers: try container.decodeIfPresent([String].self, forKey: .organizationTiers) ?? [],
            channels: try container.decodeIfPresent([TicketChannel].self, forKey: .channels) ?? [],
            groupIDs: try container.decodeIfPresent([GroupID].self, forKey: .groupIDs) ?? [],
            ticketTypes: try container.decodeIfPresent([TicketType].self, forKey: .ticketTypes) ?? [],
            customFields: try container.decodeIfPresent([String: JSONValue].self, forKey: .customFields) ?? [:])
    }

    /// Whether a list condition lets `value` through: an empty list allows anything, a
    /// non-empty one requires a present value it contains.
    private static func allows<Value: Equatable>(_ allowed: [Value], _ value: Value?) -> Bool {
        allowed.isEmpty || value.map(allowed.contains) == true
    }

    private enum CodingKeys: String, CodingKey {
        case priorities
        case customerTiers = "customer_tiers"
        case organizationTiers = "organization_tiers"
        case channels
        case groupIDs = "group_ids"
        case ticketTypes = "ticket_types"
        case customFields = "custom_fields"
    }
}
