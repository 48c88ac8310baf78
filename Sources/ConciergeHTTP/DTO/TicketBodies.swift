import ConciergeCore
import ConciergeDomain
import Foundation

/// `POST /api/v1/tickets`.
struct TicketCreateBody: Decodable {
    struct Requester: Decodable {
        var email: String?
        var phone: String?
        var name: String?
    }

    var subject: String
    var description: String
    var requester: Requester?
    var requesterId: CustomerID?
    var status: TicketStatus?
    var priority: TicketPriority?
    var type: TicketType?
    var channel: TicketChannel?
    var assigneeId: UserID?
    var groupId: GroupID?
    var followerIds: [UserID]?
    var tags: [String]?
    var customFields: [String: JSONValue]?
    var dueAt: Date?
    var parentId: TicketID?
    var form: String?
    var assetId: AssetID?

    enum CodingKeys: String, CodingKey {
        case subject, description, requester, status, priority, type, channel, tags, form
        case assetId = "asset_id"
        case requesterId = "requester_id"
        case assigneeId = "assignee_id"
        case groupId = "group_id"
        case followerIds = "follower_ids"
        case customFields = "custom_fields"
        case dueAt = "due_at"
        case parentId = "parent_id"
    }
}

/// `PATCH /api/v1/tickets/{id}`: absent keys keep their value; `null` clears assignee,
/// group, organization and due date.
struct TicketPatchBody: Decodable {
    var change = TicketChange()
    /// The version the client read, as an alternative to `If-Match`.
    var version: Int?

    enum CodingKeys: String, CodingKey {
        case subject, status, priority, type, tags, version
        case assigneeId = "assignee_id"
        case groupId = "group_id"
        case organizationId = "organization_id"
        case followerIds = "follower_ids"
        case addTags = "add_tags"
        case removeTags = "remove_tags"
        case customFields = "custom_fields"
        case dueAt = "due_at"
        case assetId = "asset_id"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        change.subject = try container.decodeIfPresent(String.self, forKey: .subject)
        change.status = try container.decodeIfPresent(TicketStatus.self, forKey: .status)
        change.priority = try container.decodeIfPresent(TicketPriority.self, forKey: .priority)
        change.type = try container.decodeIfPresent(TicketType.self, forKey: .type)
        change.tags = try container.decodeIfPresent([String].self, forKey: .tags)
        change.addTags = try container.decodeIfPresent([String].self, forKey: .addTags)
        change.removeTags = try container.decodeIfPresent([String].self, forKey: .removeTags)
        change.followerIDs = try container.decodeIfPresent([UserID].self, forKey: .followerIds)
        change.customFields = try container.decodeIfPresent([String: JSONValue].self, forKey: .customFields)
        change.assigneeID = try Self.nullable(UserID.self, .assigneeId, in: container)
        change.groupID = try Self.nullable(GroupID.self, .groupId, in: container)
        change.organizationID = try Self.nullable(OrganizationID.self, .organizationId, in: container)
        change.dueAt = try Self.nullable(Date.self, .dueAt, in: container)
        change.assetID = try Self.nullable(AssetID.self, .assetId, in: container)
        version = try container.decodeIfPresent(Int.self, forKey: .version)
    }

    /// `nil` when the key is absent, `.some(nil)` when it is `null`.
    static func nullable<T: Decodable>(
        _ type: T.Type, _ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>
    )
        throws -> T??
    {
        guard container.contains(key) else { return nil }
        if try container.decodeNil(forKey: key) { return .some(nil) }
        return .some(try container.decode(T.self, forKey: key))
    }
}

/// `POST /api/v1/tickets/{id}/comments`.
struct CommentCreateBody: Decodable {
    var body: String
    var `public`: Bool?
    var authorId: UserID?
    var channel: TicketChannel?
    var attachmentIds: [AttachmentID]?

    enum CodingKeys: String, CodingKey {
        case body, `public`, channel
        case authorId = "author_id"
        case attachmentIds = "attachment_ids"
    }
}
