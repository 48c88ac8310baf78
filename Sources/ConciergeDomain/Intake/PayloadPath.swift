/// A path into an inbound JSON payload: `$` then any of `.key`, `["key with spaces"]` (or
/// single quotes), `[0]`, `[-1]` (counting from the end) and `[*]` (every element of an array),
/// e.g. `$.alerts[0].labels.severity` or `$["订单"].items[*].sku`.
///
/// Keys after a dot may hold any character except `.[]{}|'"` and whitespace, so Chinese keys
/// such as `$.收货人` work; quote anything else. Like ``RuleTemplate`` a path is parsed when
/// created and refused by ``validate(field:)``; an invalid path finds nothing.
public struct PayloadPath: Sendable, Equatable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
        case each
    }

    /// The path as written.
    public let text: String
    private let parsed: Result<[Step], ValidationError>

    /// Parses `text`.
    public init(_ text: String) {
        self.text = text
        var scanner = InboundScanner(text)
        parsed = Result { () throws(ValidationError) -> [Step] in
            scanner.skipSpaces()
            let steps = try Self.parseSteps(&scanner)
            scanner.skipSpaces()
            guard scanner.isAtEnd else { throw scanner.error("invalid_path", "unexpected character") }
            return steps
        }
    }

    /// Parses a string literal.
    public init(stringLiteral text: String) {
        self.init(text)
    }

    /// A path parsed from a template's placeholder.
    init(text: String, steps: [Step]) {
        self.text = text
        parsed = .success(steps)
    }

    /// Decodes the path from a JSON or YAML string; a malformed path decodes and is refused by
    /// ``validate(field:)``.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the path as the string it was written as.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// The path as written.
    public var description: String { text }

    /// Compares the text as written.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.text == rhs.text }

    /// Refuses a path that does not parse.
    /// - Throws: ``ValidationError`` with code `invalid_path` at `field`.
    public func validate(field: String) throws(ValidationError) {
        if case .failure(let error) = parsed { throw error.nested(under: field) }
    }

    /// The value at this path in `root`: `nil` when missing (or the path is invalid),
    /// ``JSONValue/null`` when present as `null`. With `[*]` the result is an array of what the
    /// rest of the path finds in each element, skipping elements where it finds nothing.
    public func value(in root: JSONValue) -> JSONValue? {
        guard case .success(let steps) = parsed else { return nil }
        return Self.resolve(steps[...], in: root)
    }

    private static func resolve(_ steps: ArraySlice<Step>, in value: JSONValue) -> JSONValue? {
        guard let step = steps.first else { return value }
        let rest = steps.dropFirst()
        switch (step, value) {
        case (.key(let key), .object(let members)):
            return members[key].flatMap { resolve(rest, in: $0) }
        case (.index(let index), .array(let items)):
            let position = index < 0 ? items.count + index : index
            guard items.indices.contains(position) else { return nil }
            return resolve(rest, in: items[position])
        case (.each, .array(let items)):
            return .array(items.compactMap { resolve(rest, in: $0) })
        default:
            return nil
        }
    }

    /// Parses `$` and the steps after it, stopping at the first character that cannot continue
    /// a path (a space, `|` or `}` in a template).
    static func parseSteps(_ scanner: inout InboundScanner) throws(ValidationError) -> [Step] {
        guard scanner.consume("$") else { throw scanner.error("invalid_path", "a path must start with $") }
        var steps: [Step] = []
        while true {
            if scanner.consume(".") {
                let key = scanner.take(until: isKeyTerminator)
                guard !key.isEmpty else { throw scanner.error("invalid_path", "expected a key after .") }
                steps.append(.key(key))
            } else if scanner.consume("[") {
                steps.append(try parseBracket(&scanner))
            } else {
                return steps
            }
        }
    }

    /// `["key"]`, `['key']`, `[12]`, `[-1]` or `[*]`, after the opening bracket.
    private static func parseBracket(_ scanner: inout InboundScanner) throws(ValidationError) -> Step {
        scanner.skipSpaces()
        let step: Step
        if scanner.current == "\"" || scanner.current == "'" {
            step = .key(try scanner.quoted(code: "invalid_path"))
        } else if scanner.consume("*") {
            step = .each
        } else {
            let digits = scanner.take(until: { !($0 == "-" || ("0"..."9").contains($0)) })
            guard let index = Int(digits) else {
                throw scanner.error("invalid_path", "expected a quoted key, an index or * inside []")
            }
            step = .index(index)
        }
        scanner.skipSpaces()
        guard scanner.consume("]") else { throw scanner.error("invalid_path", "expected ]") }
        return step
    }

    private static func isKeyTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || ".[]{}|'\"".unicodeScalars.contains(scalar)
    }
}
