import Foundation

/// A field's value as a condition sees it: typed, with text already folded (see
/// ``RuleText``), so that comparing costs no parsing.
enum RuleValue: Sendable, Equatable {
    /// The field has no value (no assignee, no comment, no organization).
    case absent
    case status(TicketStatus)
    case priority(TicketPriority)
    case type(TicketType)
    case channel(TicketChannel)
    case event(RuleEvent)
    case author(CommentFacts.AuthorKind)
    case slaMetric(SLAMetric)
    case id(UUID)
    /// Folded text.
    case text(String)
    case flag(Bool)
    case hours(Double)
    /// Tags as stored (normalised, so already lowercase).
    case tags([String])
    /// A custom field value as stored.
    case json(JSONValue)

    /// Whether the value counts as empty for `present` and `blank`.
    var isBlank: Bool {
        switch self {
        case .absent: true
        case .text(let text): text.isEmpty
        case .tags(let tags): tags.isEmpty
        case .json(let json): Self.isBlank(json)
        default: false
        }
    }

    static func isBlank(_ json: JSONValue) -> Bool {
        switch json {
        case .null: true
        case .string(let text): text.isEmpty
        case .array(let items): items.isEmpty
        case .object(let members): members.isEmpty
        case .bool, .number: false
        }
    }
}
