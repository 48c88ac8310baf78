/// What a rule condition reads, named by the dotted path tenants write (`requester.tier`,
/// `custom_fields.fault`).
public enum RuleField: Sendable, Hashable {
    /// `status`, `priority`, `type`, `channel`: the ticket's enumerated fields.
    case status, priority, type, channel
    /// `group_id`, `assignee_id`, `organization_id`: UUIDs, absent when not set.
    case groupID, assigneeID, organizationID
    /// `tags`, `subject`, `description`, `form_key`: more of the ticket.
    case tags, subject, description, formKey
    /// `requester.tier`, `requester.tags`, `requester.locale`, `requester.email`.
    case requesterTier, requesterTags, requesterLocale, requesterEmail
    /// `organization.tier`, `organization.tags`, `organization.name`.
    case organizationTier, organizationTags, organizationName
    /// `comment.body`, `comment.is_public`, `comment.author` (`agent`, `customer`, `system`).
    case commentBody, commentIsPublic, commentAuthor
    /// `event` (see ``RuleEvent``) and `sla.metric`.
    case event, slaMetric
    /// `hours_since_created`, `hours_since_updated`, `hours_since_status_change`,
    /// `hours_since_assignee_update`: what makes an automation time-based.
    case hoursSinceCreated, hoursSinceUpdated, hoursSinceStatusChange, hoursSinceAssigneeUpdate
    /// `business_hours_since_created`: working hours of the tenant's `default` calendar
    /// since creation (the caller computes it: see ``RuleSubject/businessHoursSinceCreated``).
    case businessHoursSinceCreated
    /// `within_business_hours`, as the caller computed it.
    case withinBusinessHours
    /// A ticket custom field by its key.
    case customField(String)

    /// Prefix of the custom field paths.
    public static let customFieldPrefix = "custom_fields."

    /// Every field with a fixed path, in documentation order.
    public static let fixedFields: [RuleField] = [
        .status, .priority, .type, .channel, .groupID, .assigneeID, .organizationID, .tags, .subject, .description,
        .formKey, .requesterTier, .requesterTags, .requesterLocale, .requesterEmail, .organizationTier,
        .organizationTags, .organizationName, .commentBody, .commentIsPublic, .commentAuthor, .event, .slaMetric,
        .hoursSinceCreated, .hoursSinceUpdated, .hoursSinceStatusChange, .hoursSinceAssigneeUpdate,
        .businessHoursSinceCreated, .withinBusinessHours,
    ]

    private static let byPath: [String: RuleField] = Dictionary(
        uniqueKeysWithValues: fixedFields.map { ($0.path, $0) })

    /// Parses a path; `nil` for an unknown one. A custom field key is checked only for its
    /// shape here (see ``Validate/key(_:field:)``).
    public init?(path: String) {
        if let field = Self.byPath[path] {
            self = field
        } else if path.hasPrefix(Self.customFieldPrefix) {
            let key = String(path.dropFirst(Self.customFieldPrefix.count))
            guard (try? Validate.key(key, field: "")) != nil else { return nil }
            self = .customField(key)
        } else {
            return nil
        }
    }

    /// The dotted path tenants write.
    public var path: String {
        switch self {
        case .status: "status"
        case .priority: "priority"
        case .type: "type"
        case .channel: "channel"
        case .groupID: "group_id"
        case .assigneeID: "assignee_id"
        case .organizationID: "organization_id"
        case .tags: "tags"
        case .subject: "subject"
        case .description: "description"
        case .formKey: "form_key"
        case .requesterTier: "requester.tier"
        case .requesterTags: "requester.tags"
        case .requesterLocale: "requester.locale"
        case .requesterEmail: "requester.email"
        case .organizationTier: "organization.tier"
        case .organizationTags: "organization.tags"
        case .organizationName: "organization.name"
        case .commentBody: "comment.body"
        case .commentIsPublic: "comment.is_public"
        case .commentAuthor: "comment.author"
        case .event: "event"
        case .slaMetric: "sla.metric"
        case .hoursSinceCreated: "hours_since_created"
        case .hoursSinceUpdated: "hours_since_updated"
        case .hoursSinceStatusChange: "hours_since_status_change"
        case .hoursSinceAssigneeUpdate: "hours_since_assignee_update"
        case .businessHoursSinceCreated: "business_hours_since_created"
        case .withinBusinessHours: "within_business_hours"
        case .customField(let key): Self.customFieldPrefix + key
        }
    }
}
