import Foundation

/// A plain-text template with `{{name}}` placeholders for the notes, notifications, emails
/// and connector payloads that rules produce, in the style of ``MacroTemplate``:
/// `工单 {{ticket.number}} 已升级为 {{ticket.priority}}，请尽快处理。`
///
/// Placeholders: see ``placeholderNames``, plus `ticket.custom_fields.<key>`; spaces and tabs
/// inside the braces are ignored, an unknown placeholder is refused when the rule is compiled
/// and a `{{` without `}}` stays literal text. Values are inserted as they are: whoever turns
/// the text into HTML escapes it there.
public struct RuleTemplate: Sendable, Equatable {
    /// The placeholders every rule template may use, besides `ticket.custom_fields.<key>`.
    public static let placeholderNames: [String] = [
        "ticket.id", "ticket.number", "ticket.subject", "ticket.status", "ticket.priority", "ticket.type",
        "ticket.channel", "ticket.tags", "requester.name", "requester.first_name", "requester.email",
        "organization.name", "comment.body", "sla.metric",
    ]

    /// The template as written.
    public let text: String
    private let parsed: PlaceholderText

    /// Parses `text`.
    public init(_ text: String) {
        self.text = text
        parsed = PlaceholderText(text)
    }

    /// Refuses unknown placeholders.
    /// - Parameters:
    ///   - customFieldKeys: The keys `ticket.custom_fields.<key>` may name; `nil` accepts any
    ///     well-formed key.
    ///   - field: The path to report.
    /// - Throws: ``ValidationError`` with code `unknown_placeholder` listing every unknown name.
    public func validate(customFieldKeys: Set<String>? = nil, field: String = "body") throws(ValidationError) {
        try parsed.validate(known: Self.placeholderNames, customFieldKeys: customFieldKeys, field: field)
    }

    /// The template with each placeholder replaced by its value in `subject` (whose ticket is
    /// the ticket after the rules ran); missing values become empty.
    public func render(_ subject: RuleSubject) -> String {
        parsed.render { Self.value(of: $0, in: subject) }
    }

    private static func value(of name: String, in subject: RuleSubject) -> String {
        let ticket = subject.ticket
        switch name {
        case "ticket.id": return ticket.id.description
        case "ticket.number": return String(ticket.number)
        case "ticket.subject": return ticket.subject
        case "ticket.status": return ticket.status.rawValue
        case "ticket.priority": return ticket.priority.rawValue
        case "ticket.type": return ticket.type.rawValue
        case "ticket.channel": return ticket.channel.rawValue
        case "ticket.tags": return ticket.tags.joined(separator: ", ")
        case "requester.name": return subject.requester.name
        case "requester.first_name": return firstName(subject.requester.name)
        case "requester.email": return subject.requester.email ?? ""
        case "organization.name": return subject.organization?.name ?? ""
        case "comment.body": return subject.comment?.body ?? ""
        case "sla.metric": return subject.slaMetric?.rawValue ?? ""
        default:
            guard let key = PlaceholderText.customFieldKey(name) else { return "" }
            return MacroContext.customFieldText(ticket.customFields)[key] ?? ""
        }
    }

    /// Addresses the requester the way macros do (王小明 whole, `Li Wei` as `Li`), by asking
    /// ``MacroContext`` so that both kinds of template always agree.
    private static func firstName(_ name: String) -> String {
        MacroContext(
            ticketNumber: "", ticketSubject: "", ticketStatus: "", requesterName: name, requesterEmail: "",
            agentName: ""
        ).requesterFirstName
    }
}
