import Foundation

/// Something that happened in a tenant, recorded in the append-only event log in the same
/// transaction as the change, and relayed to consumers through the outbox.
public struct DomainEvent: Sendable, Equatable {
    public var id: EventID
    public var tenantID: TenantID
    /// Stable dotted name (`user.created`); never renamed once shipped.
    public var type: String
    /// Kind and id of the thing that changed (`user`, its id).
    public var subjectType: String
    public var subjectID: String
    public var actor: Actor
    /// Event details as a JSON object; never contains secrets.
    public var data: [String: JSONValue]
    public var occurredAt: Date

    public init(
        id: EventID = EventID(), tenantID: TenantID, type: String, subjectType: String, subjectID: String,
        actor: Actor, data: [String: JSONValue], occurredAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.type = type
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.actor = actor
        self.data = data
        self.occurredAt = occurredAt
    }
}

/// Who caused a change: a user, an API token, the system (a rule, a timer), or the CLI.
public enum Actor: Sendable, Equatable, Codable, CustomStringConvertible {
    case user(UserID)
    case apiToken(APITokenID)
    case system(String)

    /// `user:<id>`, `token:<id>`, `system:<name>`.
    public var description: String {
        switch self {
        case .user(let id): "user:\(id)"
        case .apiToken(let id): "token:\(id)"
        case .system(let name): "system:\(name)"
        }
    }

    /// Parses ``description``'s format.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "user":
            guard let id = UserID(parts[1]) else { return nil }
            self = .user(id)
        case "token":
            guard let id = APITokenID(parts[1]) else { return nil }
            self = .apiToken(id)
        case "system": self = .system(parts[1])
        default: return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let actor = Actor(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad actor"))
        }
        self = actor
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
