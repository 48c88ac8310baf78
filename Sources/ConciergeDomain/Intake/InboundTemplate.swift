/// Text with `{{path | filter}}` placeholders that reads values from an inbound JSON payload:
/// `[{{$.alert.severity | upper}}] {{$.alert.title | default: "未知告警"}}`.
///
/// A placeholder holds a ``PayloadPath`` followed by any number of filters, applied left to
/// right: `default: "text"`, `upper`, `lower`, `trim`, `truncate: N`, `join: ", "` and `json`.
/// Spaces inside the braces are ignored and filter arguments may use double or single quotes.
/// A missing or `null` value renders as empty text, whole numbers without `.0`, arrays as
/// their elements joined by `, ` and objects as compact JSON.
///
/// Like ``RuleTemplate`` the text is parsed when created and refused by ``validate(field:)``.
public struct InboundTemplate: Sendable, Equatable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The longest template accepted, in characters.
    public static let maxLength = 2000

    enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(PayloadPath, [InboundTemplateFilter])
    }

    /// The template as written.
    public let text: String
    private let parsed: Result<[Segment], ValidationError>

    /// Parses `text`.
    public init(_ text: String) {
        self.text = text
        parsed = Result { () throws(ValidationError) -> [Segment] in try Self.parse(text) }
    }

    /// Parses a string literal.
    public init(stringLiteral text: String) {
        self.init(text)
    }

    /// Decodes the template from a JSON or YAML string; a malformed template decodes and is
    /// refused by ``validate(field:)``.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the template as the string it was written as.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// The template as written.
    public var description: String { text }

    /// Compares the text as written.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.text == rhs.text }

    /// Refuses a template that is too long or does not parse.
    /// - Throws: ``ValidationError`` at `field` with code `too_long`, `invalid_template`,
    ///   `invalid_path`, `unknown_filter` or `invalid_filter_argument`.
    public func validate(field: String) throws(ValidationError) {
        guard text.count <= Self.maxLength else {
            throw ValidationError(
                field: field, code: "too_long", message: "must be at most \(Self.maxLength) characters")
        }
        if case .failure(let error) = parsed { throw error.nested(under: field) }
    }

    /// The template with every placeholder replaced by its value in `payload`; an invalid
    /// template renders as written.
    public func render(_ payload: JSONValue) -> String {
        guard case .success(let segments) = parsed else { return text }
        var output = ""
        for segment in segments {
            switch segment {
            case .literal(let literal):
                output += literal
            case .placeholder(let path, let filters):
                let value = filters.reduce(path.value(in: payload)) { value, filter in filter.apply(to: value) }
                output += value?.inboundText ?? ""
            }
        }
        return output
    }

    /// The paths of the placeholders, in order.
    public var paths: [PayloadPath] {
        guard case .success(let segments) = parsed else { return [] }
        return segments.compactMap { segment in
            guard case .placeholder(let path, _) = segment else { return nil }
            return path
        }
    }

    /// The path when the template is a single placeholder and nothing else (`{{$.user.email}}`),
    /// so that a bad value can be reported as coming from that path.
    var soloPath: PayloadPath? {
        guard case .success(let segments) = parsed, segments.count == 1,
            case .placeholder(let path, _) = segments[0]
        else { return nil }
        return path
    }

    private static func parse(_ text: String) throws(ValidationError) -> [Segment] {
        var scanner = InboundScanner(text)
        var segments: [Segment] = []
        var literal = ""
        while let scalar = scanner.current {
            guard scanner.consume("{{") else {
                literal.unicodeScalars.append(scalar)
                scanner.advance()
                continue
            }
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = ""
            segments.append(try parsePlaceholder(&scanner))
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return segments
    }

    /// A placeholder after its `{{`, up to and including its `}}`.
    private static func parsePlaceholder(_ scanner: inout InboundScanner) throws(ValidationError) -> Segment {
        scanner.skipSpaces()
        guard scanner.isLooking(at: "$") else {
            throw scanner.error("invalid_template", "a placeholder must start with a path such as $.alert.title")
        }
        let start = scanner.position
        let steps = try PayloadPath.parseSteps(&scanner)
        let path = PayloadPath(text: scanner.text(from: start, to: scanner.position), steps: steps)
        var filters: [InboundTemplateFilter] = []
        scanner.skipSpaces()
        while scanner.consume("|") {
            filters.append(try parseFilter(&scanner))
            scanner.skipSpaces()
        }
        guard scanner.consume("}}") else {
            throw scanner.error("invalid_template", "expected }} to close the placeholder")
        }
        return .placeholder(path, filters)
    }

    /// `name` or `name: argument` after a `|`.
    private static func parseFilter(_ scanner: inout InboundScanner) throws(ValidationError) -> InboundTemplateFilter {
        scanner.skipSpaces()
        let start = scanner.position
        let name = scanner.take(until: { !($0.properties.isAlphabetic || $0 == "_") })
        guard !name.isEmpty else { throw scanner.error("unknown_filter", "expected a filter name after |") }
        scanner.skipSpaces()
        var argument: String?
        if scanner.consume(":") {
            scanner.skipSpaces()
            if scanner.current == "\"" || scanner.current == "'" {
                argument = try scanner.quoted(code: "invalid_filter_argument")
            } else {
                let bare = scanner.take(until: { $0.properties.isWhitespace || $0 == "|" || $0 == "}" })
                guard !bare.isEmpty else { throw scanner.error("invalid_filter_argument", "expected an argument") }
                argument = bare
            }
        }
        do throws(ValidationError) {
            return try InboundTemplateFilter.make(name: name, argument: argument)
        } catch {
            throw ValidationError(field: "", code: error.code, message: "\(error.message) at character \(start + 1)")
        }
    }
}
