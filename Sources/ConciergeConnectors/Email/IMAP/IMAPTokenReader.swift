/// A value in a response's data (RFC 3501 §4): what a `FETCH` or a response code is made of.
enum IMAPValue: Sendable, Equatable {
    /// An atom or number, e.g. `UID`, `4827`, `\Seen`, `BODY[]`.
    case atom(String)
    /// A quoted string or a literal, as bytes.
    case string([UInt8])
    /// A parenthesised list.
    case list([IMAPValue])
    /// `NIL`.
    case none
}

/// Reads the tokens of one response, moving from a line's text into the literals that
/// interrupt it and back.
struct IMAPTokenReader {
    private static let space = UInt8(ascii: " ")
    private static let maximumListDepth = 16

    private let pieces: [IMAPResponsePiece]
    private var pieceIndex = 0
    private var offset = 0

    init(_ pieces: [IMAPResponsePiece]) {
        self.pieces = pieces
    }

    /// The next byte of the current text, `nil` at the end of a text piece or before a literal.
    var peek: UInt8? {
        guard pieceIndex < pieces.count, case .text(let text) = pieces[pieceIndex], offset < text.count else {
            return nil
        }
        return text[offset]
    }

    /// Skips `byte` if it comes next.
    @discardableResult
    mutating func skip(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        offset += 1
        return true
    }

    /// Reads an atom: everything up to a space, a parenthesis or the end of the text, with a
    /// bracketed section such as `BODY[HEADER.FIELDS (FROM)]` kept whole.
    mutating func readAtom() -> String {
        var bytes: [UInt8] = []
        var bracketDepth = 0
        while let byte = peek {
            if bracketDepth == 0, byte == Self.space || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") {
                break
            }
            if byte == UInt8(ascii: "[") { bracketDepth += 1 }
            if byte == UInt8(ascii: "]") { bracketDepth = max(0, bracketDepth - 1) }
            bytes.append(byte)
            offset += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads an unsigned 32-bit number, as IMAP's sequence numbers and UIDs are.
    mutating func readNumber() -> UInt32? {
        UInt32(readAtom())
    }

    /// The rest of the current text piece, as text.
    mutating func readRest() -> String {
        guard pieceIndex < pieces.count, case .text(let text) = pieces[pieceIndex], offset < text.count else {
            return ""
        }
        defer { offset = text.count }
        return String(decoding: text[offset...], as: UTF8.self)
    }

    /// Reads one value: a literal, a quoted string, a list, `NIL` or an atom.
    mutating func readValue(depth: Int = 0) throws(IMAPError) -> IMAPValue {
        if peek == nil, let literal = takeLiteral() { return .string(literal) }
        if skip(UInt8(ascii: "\"")) { return .string(try readQuotedRest()) }
        if skip(UInt8(ascii: "(")) {
            guard depth < Self.maximumListDepth else {
                throw IMAPError(kind: .protocolViolation, detail: "lists nested deeper than \(Self.maximumListDepth)")
            }
            var values: [IMAPValue] = []
            while true {
                while skip(Self.space) {}
                if skip(UInt8(ascii: ")")) { return .list(values) }
                guard peek != nil || nextIsLiteral else {
                    throw IMAPError(kind: .protocolViolation, detail: "unterminated list in a response")
                }
                values.append(try readValue(depth: depth + 1))
            }
        }
        let atom = readAtom()
        guard !atom.isEmpty else {
            throw IMAPError(kind: .protocolViolation, detail: "expected a value in a response")
        }
        return atom.uppercased() == "NIL" ? .none : .atom(atom)
    }

    private var nextIsLiteral: Bool {
        guard pieceIndex + 1 < pieces.count, case .literal = pieces[pieceIndex + 1] else { return false }
        return true
    }

    /// At the end of a text piece followed by a literal: the literal, moving on to the text after it.
    private mutating func takeLiteral() -> [UInt8]? {
        guard pieceIndex + 1 < pieces.count, case .literal(let bytes) = pieces[pieceIndex + 1] else { return nil }
        pieceIndex += 2
        offset = 0
        return bytes
    }

    /// The rest of a quoted string after its opening quote, with `\"` and `\\` unescaped.
    private mutating func readQuotedRest() throws(IMAPError) -> [UInt8] {
        var bytes: [UInt8] = []
        while let byte = peek {
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                return bytes
            case UInt8(ascii: "\\"):
                guard let escaped = peek else { break }
                bytes.append(escaped)
                offset += 1
            default:
                bytes.append(byte)
            }
        }
        throw IMAPError(kind: .protocolViolation, detail: "unterminated quoted string in a response")
    }
}
