import Foundation

/// A plain-text reply template with `{{name}}` placeholders, such as
/// `您好 {{ requester.first_name }}，工单 {{ticket.number}} 已受理。`
///
/// Placeholders: `ticket.number`, `ticket.subject`, `ticket.status`, `requester.name`,
/// `requester.first_name`, `requester.email`, `agent.name` and
/// `ticket.custom_fields.<key>`; spaces and tabs inside the braces are ignored. An unknown
/// placeholder is refused by ``validate(customFieldKeys:field:)`` when the macro is saved, and
/// renders as nothing if one slips through. Values are inserted as they are: the output is
/// plain text, and whoever turns it into HTML escapes it there.
public struct MacroTemplate: Sendable, Equatable {
    /// The placeholders every template may use, besides `ticket.custom_fields.<key>`.
    public static let fixedPlaceholders: [String] = [
        "ticket.number", "ticket.subject", "ticket.status", "requester.name", "requester.first_name",
        "requester.email", "agent.name",
    ]

    /// Prefix of the custom field placeholders.
    public static let customFieldPrefix = PlaceholderText.customFieldPrefix

    /// The template as written.
    public let text: String
    private let parsed: PlaceholderText

    /// Parses `text`; a `{{` without a closing `}}` is kept as literal text.
    public init(_ text: String) {
        self.text = text
        parsed = PlaceholderText(text)
    }

    /// The placeholder names used, in order of first appearance, each once.
    public var placeholders: [String] { parsed.placeholders }

    /// The custom field keys the template inserts, in order of first appearance.
    public var customFieldKeys: [String] { placeholders.compactMap(PlaceholderText.customFieldKey) }

    /// The placeholders that are not known.
    /// - Parameter customFieldKeys: The keys a `ticket.custom_fields.<key>` placeholder may
    ///   name; `nil` accepts any key that is a valid field key.
    public func unknownPlaceholders(customFieldKeys: Set<String>? = nil) -> [String] {
        parsed.unknownPlaceholders(known: Self.fixedPlaceholders, customFieldKeys: customFieldKeys)
    }

    /// Refuses a template that uses unknown placeholders.
    /// - Parameters:
    ///   - customFieldKeys: See ``unknownPlaceholders(customFieldKeys:)``.
    ///   - field: The path to report (`reply_template`).
    /// - Throws: ``ValidationError`` with code `unknown_placeholder` whose message lists every
    ///   unknown name.
    public func validate(customFieldKeys: Set<String>? = nil, field: String = "reply_template") throws(ValidationError)
    {
        try parsed.validate(known: Self.fixedPlaceholders, customFieldKeys: customFieldKeys, field: field)
    }

    /// The template with every placeholder replaced by its value from `context`; unknown
    /// placeholders and custom fields without a value become empty.
    public func render(_ context: MacroContext) -> String {
        parsed.render { Self.value(of: $0, in: context) }
    }

    private static func value(of name: String, in context: MacroContext) -> String {
        switch name {
        case "ticket.number": return context.ticketNumber
        case "ticket.subject": return context.ticketSubject
        case "ticket.status": return context.ticketStatus
        case "requester.name": return context.requesterName
        case "requester.first_name": return context.requesterFirstName
        case "requester.email": return context.requesterEmail
        case "agent.name": return context.agentName
        default:
            guard let key = PlaceholderText.customFieldKey(name) else { return "" }
            return context.customFields[key] ?? ""
        }
    }
}
