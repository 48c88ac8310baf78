import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// JSON shapes of the API's resources (encoded with snake_case keys).
struct TenantRepresentation: ResponseEncodable {
    var id: String
    var slug: String
    var name: String
    var status: String
    var plan: String
    var seatLimit: Int
    var timeZone: String
    var locale: String
    var brandColor: String?
    /// Where the logo is downloaded (with the same credential), `null` without a logo.
    var logoUrl: String?
    var createdAt: Date
    var updatedAt: Date

    init(_ tenant: Tenant) {
        id = tenant.id.description
        slug = tenant.slug.rawValue
        name = tenant.name
        status = tenant.status.rawValue
        plan = tenant.plan
        seatLimit = tenant.seatLimit
        timeZone = tenant.timeZone
        locale = tenant.locale.rawValue
        brandColor = tenant.brandColor?.hex
        logoUrl = tenant.logo.map { "/api/v1/tenant/logo?v=\($0.version)" }
        createdAt = tenant.createdAt
        updatedAt = tenant.updatedAt
    }
}

struct UserRepresentation: ResponseEncodable {
    var id: String
    var email: String
    var name: String
    var role: String
    var status: String
    var locale: String?
    var skills: [String]
    var regions: [String]
    var lastLoginAt: Date?
    var createdAt: Date
    var updatedAt: Date

    init(_ user: User) {
        id = user.id.description
        email = user.email
        name = user.name
        role = user.role.rawValue
        status = user.status.rawValue
        locale = user.locale?.rawValue
        skills = user.skills
        regions = user.regions
        lastLoginAt = user.lastLoginAt
        createdAt = user.createdAt
        updatedAt = user.updatedAt
    }
}

struct GroupRepresentation: ResponseEncodable {
    var id: String
    var key: String
    var name: String
    var description: String
    var memberIds: [String]
    var createdAt: Date
    var updatedAt: Date

    init(_ group: Group) {
        id = group.id.description
        key = group.key
        name = group.name
        description = group.description
        memberIds = group.memberIDs.map(\.description)
        createdAt = group.createdAt
        updatedAt = group.updatedAt
    }
}

struct APITokenRepresentation: ResponseEncodable {
    var id: String
    var name: String
    var role: String
    var prefix: String
    var createdBy: String
    var createdAt: Date
    var lastUsedAt: Date?
    var revokedAt: Date?
    var expiresAt: Date?
    /// Present only in the response that issues the token.
    var token: String?

    init(_ token: APIToken, secret: String? = nil) {
        id = token.id.description
        name = token.name
        role = token.role.rawValue
        prefix = token.prefix
        createdBy = token.createdBy.description
        createdAt = token.createdAt
        lastUsedAt = token.lastUsedAt
        revokedAt = token.revokedAt
        expiresAt = token.expiresAt
        self.token = secret
    }
}

struct EventRepresentation: ResponseEncodable {
    var sequence: Int64
    var id: String
    var type: String
    var subjectType: String
    var subjectId: String
    var actor: String
    var data: [String: JSONValue]
    var occurredAt: Date

    init(_ recorded: RecordedEvent) {
        sequence = recorded.sequence
        id = recorded.event.id.description
        type = recorded.event.type
        subjectType = recorded.event.subjectType
        subjectId = recorded.event.subjectID
        actor = recorded.event.actor.description
        data = recorded.event.data
        occurredAt = recorded.event.occurredAt
    }
}

/// A list under its plural name with the cursor of the next page (`null` on the last page):
/// `{"users": [...], "next_cursor": "..."}`.
struct Page<Item: Encodable & Sendable>: ResponseEncodable {
    let key: String
    let items: [Item]
    var nextCursor: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Wrapped<Item>.AnyKey.self)
        try container.encode(items, forKey: .init(key))
        try container.encode(nextCursor, forKey: .init("next_cursor"))
    }
}

/// A single resource wrapped under its name, as Zendesk-style clients expect (`{"user": {…}}`).
struct Wrapped<Item: Encodable & Sendable>: ResponseEncodable {
    let key: String
    let item: Item

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(item, forKey: AnyKey(key))
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
