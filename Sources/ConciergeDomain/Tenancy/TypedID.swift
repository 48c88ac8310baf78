import Foundation

/// A UUID-backed identifier whose phantom `Tag` keeps a tenant id from being passed where a
/// user id is expected.
public struct TypedID<Tag>: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The underlying UUID.
    public let rawValue: UUID

    /// Wraps an existing UUID.
    public init(_ rawValue: UUID) { self.rawValue = rawValue }

    /// A new random identifier.
    public init() { self.rawValue = UUID() }

    /// Parses the canonical (case-insensitive) UUID text; `nil` for anything else.
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.rawValue = uuid
    }

    public var description: String { rawValue.uuidString.lowercased() }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let uuid = UUID(uuidString: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a UUID")
        }
        self.rawValue = uuid
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }
}

/// Phantom tags for ``TypedID``.
public enum TenantTag {}
public enum UserTag {}
public enum GroupTag {}
public enum APITokenTag {}
public enum EventTag {}

/// Identifies a tenant (a subscribing company).
public typealias TenantID = TypedID<TenantTag>
/// Identifies a user of one tenant.
public typealias UserID = TypedID<UserTag>
/// Identifies a group (team / skill group) of one tenant.
public typealias GroupID = TypedID<GroupTag>
/// Identifies an API token.
public typealias APITokenID = TypedID<APITokenTag>
/// Identifies a domain event; consumers de-duplicate by it.
public typealias EventID = TypedID<EventTag>
public enum TicketTag {}
public enum CustomerTag {}
public enum OrganizationTag {}
public enum CommentTag {}

/// Identifies a ticket (its human-readable number is ``Ticket/number``).
public typealias TicketID = TypedID<TicketTag>
/// Identifies an end customer (a ticket's requester).
public typealias CustomerID = TypedID<CustomerTag>
/// Identifies a customer organization.
public typealias OrganizationID = TypedID<OrganizationTag>
/// Identifies a comment (public reply or internal note).
public typealias CommentID = TypedID<CommentTag>
