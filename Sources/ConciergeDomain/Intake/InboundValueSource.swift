import Foundation

/// Where a single value of an inbound payload comes from: a bare ``PayloadPath`` when the text
/// starts with `$` (`$.alert.fingerprint`, which keeps the JSON value as it is), otherwise an
/// ``InboundTemplate`` (`{{$.host}}-{{$.trigger_id}}`, which always yields text).
public struct InboundValueSource: Sendable, Equatable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    private enum Kind: Sendable, Equatable {
        case path(PayloadPath)
        case template(InboundTemplate)
    }

    private let kind: Kind

    /// Reads `text` as a path when it starts with `$` (after leading spaces), else as a template.
    public init(_ text: String) {
        let isPath = text.drop(while: { $0 == " " }).hasPrefix("$")
        kind = isPath ? .path(PayloadPath(text)) : .template(InboundTemplate(text))
    }

    /// Reads a string literal; see ``init(_:)``.
    public init(stringLiteral text: String) {
        self.init(text)
    }

    /// Decodes the source from a JSON or YAML string; a malformed one is refused by
    /// ``validate(field:)``.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the source as the string it was written as.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// The source as written.
    public var text: String {
        switch kind {
        case .path(let path): path.text
        case .template(let template): template.text
        }
    }

    /// The source as written.
    public var description: String { text }

    /// Refuses a malformed path or template, or one longer than ``InboundTemplate/maxLength``.
    /// - Throws: ``ValidationError`` at `field`.
    public func validate(field: String) throws(ValidationError) {
        switch kind {
        case .path(let path):
            guard path.text.count <= InboundTemplate.maxLength else {
                throw ValidationError(
                    field: field, code: "too_long", message: "must be at most \(InboundTemplate.maxLength) characters")
            }
            try path.validate(field: field)
        case .template(let template):
            try template.validate(field: field)
        }
    }

    /// The value in `payload`: the JSON value at the path (`nil` when missing), or the rendered
    /// template as a string.
    public func value(in payload: JSONValue) -> JSONValue? {
        switch kind {
        case .path(let path): path.value(in: payload)
        case .template(let template): .string(template.render(payload))
        }
    }

    /// The value in `payload` as trimmed text, `nil` when that is empty.
    func trimmedText(in payload: JSONValue) -> String? {
        let text = (value(in: payload)?.inboundText ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// How to name this source when the payload's value is wrong: `payload.$.user.email` for a
    /// path or a lone placeholder, else `fallback` (the mapping field).
    func payloadField(orElse fallback: String) -> String {
        switch kind {
        case .path(let path): "payload.\(path.text.trimmingCharacters(in: .whitespaces))"
        case .template(let template): template.soloPath.map { "payload.\($0.text)" } ?? fallback
        }
    }
}
