import ConciergeDomain
import Foundation

/// A saved ticket list (视图/队列): filters and order, shared with the team or personal.
public struct SavedView: Sendable, Equatable {
    public var id: ViewID
    public var key: String
    public var title: String
    /// `nil` for a shared view; the agent's id for a personal one.
    public var ownerID: UserID?
    public var filters: ViewFilters
    public var position: Int

    public init(id: ViewID, key: String, title: String, ownerID: UserID?, filters: ViewFilters, position: Int) {
        self.id = id
        self.key = key
        self.title = title
        self.ownerID = ownerID
        self.filters = filters
        self.position = position
    }
}

public enum ViewTag {}
/// Identifies a saved view.
public typealias ViewID = TypedID<ViewTag>

/// The stored filters of a view (a subset of ``TicketQuery`` that makes sense to save;
/// `assignee: "me"` means whoever opens the view).
public struct ViewFilters: Sendable, Equatable, Codable {
    public var statuses: [TicketStatus]?
    public var priorities: [TicketPriority]?
    public var types: [TicketType]?
    public var channels: [TicketChannel]?
    /// `me`, `none`, or a user id.
    public var assignee: String?
    public var groupIDs: [GroupID]?
    public var tags: [String]?
    public var customFields: [String: JSONValue]?
    public var text: String?
    public var sort: String?
    /// Tickets breaching within this many minutes of opening the view, or already breached.
    public var slaBreachWithin: Int?

    public init(
        statuses: [TicketStatus]? = nil, priorities: [TicketPriority]? = nil, types: [TicketType]? = nil,
        channels: [TicketChannel]? = nil, assignee: String? = nil, groupIDs: [GroupID]? = nil, tags: [String]? = nil,
        customFields: [String: JSONValue]? = nil, text: String? = nil, sort: String? = nil, slaBreachWithin: Int? = nil
    ) {
        self.statuses = statuses
        self.priorities = priorities
        self.types = types
        self.channels = channels
        self.assignee = assignee
        self.groupIDs = groupIDs
        self.tags = tags
        self.customFields = customFields
        self.text = text
        self.sort = sort
        self.slaBreachWithin = slaBreachWithin
    }

    enum CodingKeys: String, CodingKey {
        case statuses = "status"
        case priorities = "priority"
        case types = "type"
        case channels = "channel"
        case assignee
        case groupIDs = "group_id"
        case tags
        case customFields = "custom_fields"
        case text = "q"
        case sort
        case slaBreachWithin = "sla_breach_within"
    }

    /// The query these filters mean for `viewer`.
    /// - Throws: `invalidInput` naming `filters.<key>`.
    public func query(for viewer: UserID?) throws -> TicketQuery {
        var query = TicketQuery()
        query.statuses = statuses ?? []
        query.priorities = priorities ?? []
        query.types = types ?? []
        query.channels = channels ?? []
        query.groupIDs = groupIDs ?? []
        query.tags = (try? TicketTags.normalize(tags ?? [])) ?? []
        query.customFields = customFields ?? [:]
        query.text = text
        switch assignee {
        case nil: break
        case "me"?:
            guard let viewer else {
                throw AppError(
                    .invalidInput, code: "invalid_field", message: "assignee=me needs a signed-in user",
                    field: "filters.assignee")
            }
            query.assignee = .user(viewer)
        case "none"?: query.assignee = .unassigned
        case let id?:
            guard let user = UserID(id) else {
                throw AppError(
                    .invalidInput, code: "invalid_field", message: "must be me, none or a user id",
                    field: "filters.assignee")
            }
            query.assignee = .user(user)
        }
        if let minutes = slaBreachWithin {
            guard (0...525_600).contains(minutes) else {
                throw AppError(
                    .invalidInput, code: "out_of_range", message: "must be 0-525600 minutes",
                    field: "filters.sla_breach_within")
            }
            query.slaBreachBefore = Date().addingTimeInterval(Double(minutes) * 60)
        }
        if let sort {
            let descending = sort.hasPrefix("-")
            guard let field = TicketQuery.SortField(rawValue: descending ? String(sort.dropFirst()) : sort) else {
                throw AppError(
                    .invalidInput, code: "invalid_field",
                    message: "must be updated_at, created_at, number or sla_breach_at, optionally prefixed with -",
                    field: "filters.sort")
            }
            query.sort = field
            query.descending = descending
        }
        return query
    }
}
