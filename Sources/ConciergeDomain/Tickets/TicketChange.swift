import Foundation

/// A set of changes to a ticket's fields (`nil` keeps a value; `.some(nil)` clears an
/// optional one). ``apply(to:at:)`` is the single place where changes are validated, the
/// state machine enforced and the history entries derived.
public struct TicketChange: Sendable, Equatable {
    public var subject: String?
    public var status: TicketStatus?
    public var priority: TicketPriority?
    public var type: TicketType?
    public var assigneeID: UserID??
    public var groupID: GroupID??
    public var organizationID: OrganizationID??
    public var followerIDs: [UserID]?
    public var tags: [String]?
    public var addTags: [String]?
    public var removeTags: [String]?
    /// Already validated against the field definitions; `.null` removes a value.
    public var customFields: [String: JSONValue]?
    public var dueAt: Date??
    public var assetID: AssetID??

    public init(
        subject: String? = nil, status: TicketStatus? = nil, priority: TicketPriority? = nil, type: TicketType? = nil,
        assigneeID: UserID?? = nil, groupID: GroupID?? = nil, organizationID: OrganizationID?? = nil,
        followerIDs: [UserID]? = nil, tags: [String]? = nil, addTags: [String]? = nil, removeTags: [String]? = nil,
        customFields: [String: JSONValue]? = nil, dueAt: Date?? = nil, assetID: AssetID?? = nil
    ) {
        self.subject = subject
        self.status = status
        self.priority = priority
        self.type = type
        self.assigneeID = assigneeID
        self.groupID = groupID
        self.organizationID = organizationID
        self.followerIDs = followerIDs
        self.tags = tags
        self.addTags = addTags
        self.removeTags = removeTags
        self.customFields = customFields
        self.dueAt = dueAt
        self.assetID = assetID
    }

    /// Whether nothing is asked to change.
    public var isEmpty: Bool { self == TicketChange() }

    /// One field's change, for the ticket's history.
    public struct FieldChange: Sendable, Equatable {
        public var field: String
        public var old: JSONValue
        public var new: JSONValue

        public init(field: String, old: JSONValue, new: JSONValue) {
            self.field = field
            self.old = old
            self.new = new
        }
    }

    /// The ticket after this change, and what changed.
    ///
    /// Entering `solved` stamps `solvedAt`, `closed` stamps `closedAt`, reopening clears
    /// `solvedAt`; a task without a due date keeps none. The version and `updatedAt` move only
    /// when something changed.
    /// - Throws: ``ValidationError`` naming the field (subject, status transition, tags).
    public func apply(to ticket: Ticket, at now: Date) throws(ValidationError) -> (Ticket, [FieldChange]) {
        var after = ticket
        if let subject { after.subject = try Validate.displayName(subject, field: "subject", maxLength: 500) }
        if let status {
            try TicketLifecycle.validate(from: ticket.status, to: status)
            after.status = status
        }
        if ticket.status == .closed && self != TicketChange(status: .closed) && !isEmpty {
            throw ValidationError(field: "status", code: "ticket_closed", message: "a closed ticket cannot change")
        }
        if let priority { after.priority = priority }
        if let type { after.type = type }
        if let assigneeID { after.assigneeID = assigneeID }
        if let groupID { after.groupID = groupID }
        if let organizationID { after.organizationID = organizationID }
        if let followerIDs { after.followerIDs = Array(Set(followerIDs)).sorted() }
        if let tags { after.tags = try TicketTags.normalize(tags) }
        if let addTags {
            after.tags = try TicketTags.normalize(
                after.tags + TicketTags.normalize(addTags, field: "add_tags"), field: "add_tags")
        }
        if let removeTags {
            let removed = Set(try TicketTags.normalize(removeTags, field: "remove_tags"))
            after.tags = after.tags.filter { !removed.contains($0) }
        }
        if let customFields {
            for (key, value) in customFields { after.customFields[key] = value == .null ? nil : value }
        }
        if let dueAt { after.dueAt = dueAt }
        if let assetID { after.assetID = assetID }
        if after.status != ticket.status {
            switch after.status {
            case .solved: after.solvedAt = now
            case .closed: after.closedAt = now
            default: after.solvedAt = nil
            }
        }
        let changes = Self.diff(ticket, after)
        if !changes.isEmpty {
            after.updatedAt = now
            after.version = ticket.version + 1
        }
        return (after, changes)
    }

    /// The fields that differ between two versions of a ticket.
    public static func diff(_ before: Ticket, _ after: Ticket) -> [FieldChange] {
        var changes: [FieldChange] = []
        func add(_ field: String, _ old: JSONValue, _ new: JSONValue) {
            if old != new { changes.append(FieldChange(field: field, old: old, new: new)) }
        }
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        add("subject", .string(before.subject), .string(after.subject))
        add("status", .string(before.status.rawValue), .string(after.status.rawValue))
        add("priority", .string(before.priority.rawValue), .string(after.priority.rawValue))
        add("type", .string(before.type.rawValue), .string(after.type.rawValue))
        add("assignee_id", text(before.assigneeID?.description), text(after.assigneeID?.description))
        add("group_id", text(before.groupID?.description), text(after.groupID?.description))
        add("organization_id", text(before.organizationID?.description), text(after.organizationID?.description))
        add(
            "follower_ids", .array(before.followerIDs.map { .string($0.description) }),
            .array(after.followerIDs.map { .string($0.description) }))
        add("tags", .array(before.tags.map(JSONValue.string)), .array(after.tags.map(JSONValue.string)))
        for key in Set(before.customFields.keys).union(after.customFields.keys).sorted() {
            add("custom_fields.\(key)", before.customFields[key] ?? .null, after.customFields[key] ?? .null)
        }
        add("due_at", text(before.dueAt.map(Self.timestamp)), text(after.dueAt.map(Self.timestamp)))
        add("asset_id", text(before.assetID?.description), text(after.assetID?.description))
        add("merged_into_id", text(before.mergedIntoID?.description), text(after.mergedIntoID?.description))
        return changes
    }

    /// ISO 8601 with fractional seconds, so that sub-second changes are still changes.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
