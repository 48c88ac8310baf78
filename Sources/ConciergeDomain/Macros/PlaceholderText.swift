import Foundation

/// Text with `{{name}}` placeholders, parsed once: what ``MacroTemplate`` and ``RuleTemplate``
/// share. Spaces and tabs inside the braces are ignored; a `{{` without `}}` stays literal.
struct PlaceholderText: Sendable, Equatable {
    /// Prefix of the custom field placeholders (`ticket.custom_fields.<key>`).
    static let customFieldPrefix = "ticket.custom_fields."

    private enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    private let segments: [Segment]

    init(_ text: String) {
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

    /// The placeholder names used, in order of first appearance, each once.
    var placeholders: [String] {
        var seen: Set<String> = []
        return segments.compactMap { segment in
            guard case .placeholder(let name) = segment, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// The placeholders that are neither in `known` nor a custom field placeholder whose key
    /// is in `customFieldKeys` (`nil`: any well-formed key).
    func unknownPlaceholders(known: [String], customFieldKeys: Set<String>?) -> [String] {
        placeholders.filter { name in
            if known.contains(name) { return false }
            guard let key = Self.customFieldKey(name) else { return true }
            return !(customFieldKeys?.contains(key) ?? true)
        }
    }

    /// Refuses unknown placeholders. - Throws: `unknown_placeholder` at `field`, listing them.
    func validate(known: [String], customFieldKeys: Set<String>?, field: String) throws(ValidationError) {
        let unknown = unknownPlaceholders(known: known, customFieldKeys: customFieldKeys)
        guard unknown.isEmpty else {
            throw ValidationError(
                field: field, code: "unknown_placeholder",
                message: "unknown placeholder \(unknown.map { "{{\($0)}}" }.joined(separator: ", "))")
        }
    }

    /// The text with each placeholder replaced by `value(name)`.
    func render(_ value: (String) -> String) -> String {
        var output = ""
        for segment in segments {
            switch segment {
            case .literal(let literal): output += literal
            case .placeholder(let name): output += value(name)
            }
        }
        return output
    }

    /// The key of a `ticket.custom_fields.<key>` placeholder whose key is well-formed.
    static func customFieldKey(_ name: String) -> String? {
        guard name.hasPrefix(customFieldPrefix) else { return nil }
        return try? Validate.key(String(name.dropFirst(customFieldPrefix.count)), field: "")
    }
}
