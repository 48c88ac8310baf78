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
    public static let customFieldPrefix = "ticket.custom_fields."

    private enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    /// The template as written.
    public let text: String
    private let segments: [Segment]

    /// Parses `text`; a `{{` without a closing `}}` is kept as literal text.
    public init(_ text: String) {
        self.text = text
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            if open.lowerBound > rest.startIndex { segments.append(.literal(String(rest[..<open.lowerBound]))) }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: [" ", "\t"])
            segments.append(.placeholder(name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        self.segments = segments
    }

    /// The placeholder names used, in order of first appearance, each once.
    public var placeholders: [String] {
        var seen: Set<String> = []
        return segments.compactMap { segment in
            guard case .placeholder(let name) = segment, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// The custom field keys the template inserts, in order of first appearance.
    public var customFieldKeys: [String] {
        placeholders.compactMap(Self.customFieldKey)
    }

    /// The placeholders that are not known.
    /// - Parameter customFieldKeys: The keys a `ticket.custom_fields.<key>` placeholder may
    ///   name; `nil` accepts any key that is a valid field key.
    public func unknownPlaceholders(customFieldKeys: Set<String>? = nil) -> [String] {
        placeholders.filter { name in
            if Self.fixedPlaceholders.contains(name) { return false }
            guard let key = Self.customFieldKey(name) else { return true }
            return !(customFieldKeys?.contains(key) ?? true)
        }
    }

    /// Refuses a template that uses unknown placeholders.
    /// - Parameters:
    ///   - customFieldKeys: See ``unknownPlaceholders(customFieldKeys:)``.
    ///   - field: The path to report (`reply_template`).
    /// - Throws: ``ValidationError`` with code `unknown_placeholder` whose message lists every
    ///   unknown name.
    public func validate(customFieldKeys: Set<String>? = nil, field: String = "reply_template") throws(ValidationError)
    {
        let unknown = unknownPlaceholders(customFieldKeys: customFieldKeys)
        guard unknown.isEmpty else {
            throw ValidationError(
                field: field, code: "unknown_placeholder",
                message: "unknown placeholder \(unknown.map { "{{\($0)}}" }.joined(separator: ", "))")
        }
    }

    /// The template with every placeholder replaced by its value from `context`; unknown
    /// placeholders and custom fields without a value become empty.
    public func render(_ context: MacroContext) -> String {
        var output = ""
        for segment in segments {
            switch segment {
            case .literal(let literal): output += literal
            case .placeholder(let name): output += Self.value(of: name, in: context)
            }
        }
        return output
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
            guard let key = customFieldKey(name) else { return "" }
            return context.customFields[key] ?? ""
        }
    }

    /// The key of a `ticket.custom_fields.<key>` placeholder whose key is well-formed.
    private static func customFieldKey(_ name: String) -> String? {
        guard name.hasPrefix(customFieldPrefix) else { return nil }
        let key = String(name.dropFirst(customFieldPrefix.count))
        return try? Validate.key(key, field: "")
    }
}
