/// A cursor over the Unicode scalars of a path or template, shared by the parsers of
/// ``PayloadPath`` and ``InboundTemplate``. Errors carry an empty field for the caller to nest
/// under its own (`mapping.subject`) and say at which character (1-based) parsing stopped.
struct InboundScanner {
    private let scalars: [Unicode.Scalar]
    /// Offset of the next scalar.
    private(set) var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var isAtEnd: Bool { position >= scalars.count }

    /// The next scalar, `nil` at the end.
    var current: Unicode.Scalar? { isAtEnd ? nil : scalars[position] }

    /// Whether the text continues with `literal`.
    func isLooking(at literal: String) -> Bool {
        var offset = position
        for scalar in literal.unicodeScalars {
            guard offset < scalars.count, scalars[offset] == scalar else { return false }
            offset += 1
        }
        return true
    }

    mutating func advance() {
        position += 1
    }

    /// Skips `literal` if the text continues with it.
    mutating func consume(_ literal: String) -> Bool {
        guard isLooking(at: literal) else { return false }
        position += literal.unicodeScalars.count
        return true
    }

    mutating func skipSpaces() {
        while let scalar = current, scalar.properties.isWhitespace { position += 1 }
    }

    /// The text between two offsets.
    func text(from start: Int, to end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// Scalars up to the first one that `isStop` accepts (or the end).
    mutating func take(until isStop: (Unicode.Scalar) -> Bool) -> String {
        let start = position
        while let scalar = current, !isStop(scalar) { position += 1 }
        return text(from: start, to: position)
    }

    /// A string in double or single quotes, starting at the opening quote; a backslash keeps the
    /// next character as it is (`\"`, `\'`, `\\`).
    mutating func quoted(code: String) throws(ValidationError) -> String {
        guard let quote = current, quote == "\"" || quote == "'" else { throw error(code, "expected a quote") }
        let start = position
        advance()
        var view = String.UnicodeScalarView()
        while let scalar = current {
            advance()
            if scalar == quote { return String(view) }
            if scalar == "\\", let escaped = current {
                advance()
                view.append(escaped)
            } else {
                view.append(scalar)
            }
        }
        position = start
        throw error(code, "unterminated quoted string")
    }

    /// An error at the current position.
    func error(_ code: String, _ message: String) -> ValidationError {
        ValidationError(field: "", code: code, message: "\(message) at character \(position + 1)")
    }
}
