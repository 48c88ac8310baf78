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

    private enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    /// The template as written.
    public let text: String
    private let segments: [Segment]

    /// Parses `text`.
    public init(_ text: String) {
        self.text = text
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            if open.lowerBound > rest.startIndex { segments.append(.literal(String(rest[..<open.lowerBound]))) }
            segments.append(.placeholder(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: [" ", "\t"])))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        self.segments = segments
    }

    /// Refuses unknown placeholders.
    /// - Parameters:
    ///   - customFieldKeys: The keys `ticket.custom_fields.<key>` may name; `nil` accepts any
    ///     well-formed key.
    ///   - field: The path to report.
    /// - Throws: ``ValidationError`` with code `unknown_placeholder` listing every unknown name.
    public func validate(customFieldKeys: Set<String>? = nil, field: String = "body") throws(ValidationError) {
        var unknown: [String] = []
        for case .placeholder(let name) in segments where !unknown.contains(name) {
            if Self.placeholderNames.contains(name) { continue }
            if let key = Self.customFieldKey(name), customFieldKeys?.contains(key) ?? true { continue }
            unknown.append(name)
        }
        guard unknown.isEmpty else {
            throw ValidationError(
                field: field, code: "unknown_placeholder",
                message: "unknown placeholder \(unknown.map { "{{\($0)}}" }.joined(separator: ", "))")
        }
    }

    /// The template with each placeholder replaced by its value in `subject` (whose ticket is
    /// the ticket after the rules ran); missing values become empty.
    public func render(_ subject: RuleSubject) -> String {
        var output = ""
        for segment in segments {
            switch segment {
            case .literal(let literal): output += literal
            case .placeholder(let name): output += Self.value(of: name, in: subject)
            }
        }
        return output
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
            guard let key = customFieldKey(name) else { return "" }
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

    private static func customFieldKey(_ name: String) -> String? {
        guard name.hasPrefix(MacroTemplate.customFieldPrefix) else { return nil }
        return try? Validate.key(String(name.dropFirst(MacroTemplate.customFieldPrefix.count)), field: "")
    }
}
