import NIOCore

/// A piece of one response: a line's text, or a literal's bytes that interrupt the line.
enum IMAPResponsePiece: Sendable {
    /// Text up to a line end or up to a literal's `{n}` marker (the marker itself removed).
    case text([UInt8])
    /// The n bytes announced by `{n}`, exactly as sent: any byte, any length up to the limit.
    case literal([UInt8])
}

/// Splits what the server sends into complete responses, keeping unfinished ones for the next
/// read (RFC 3501 §4.3, §7.5).
///
/// A response is a line that may be interrupted by literals: a line ending in `{n}` is followed
/// by exactly n bytes, after which the line goes on. Literals are taken by count, never by
/// looking for line ends, so message bodies arrive byte for byte. Lines and literals are
/// bounded: a server that never ends a line, or announces a literal beyond the message size
/// limit, fails the connection before memory grows.
struct IMAPResponseFramer {
    /// The longest text line; a `SEARCH` response for a very large mailbox is the longest there is.
    static let maximumLineLength = 4 * 1024 * 1024
    /// The most literals in one response; the client's responses carry one.
    static let maximumLiteralsPerResponse = 64

    /// The largest literal accepted: the configured maximum message size.
    let maximumLiteralSize: Int

    private var line: [UInt8] = []
    private var pieces: [IMAPResponsePiece] = []
    private var literal: [UInt8] = []
    private var literalRemaining: Int?

    init(maximumLiteralSize: Int) {
        self.maximumLiteralSize = maximumLiteralSize
    }

    /// Whether bytes of an unfinished response are waiting. After STARTTLS nothing may be
    /// waiting: plaintext sent ahead of the handshake would otherwise be trusted as if encrypted.
    var hasBufferedInput: Bool { !line.isEmpty || !pieces.isEmpty || literalRemaining != nil }

    /// Adds `input` and returns every response it completes, as pieces.
    mutating func consume(_ input: ByteBuffer) throws(IMAPError) -> [[IMAPResponsePiece]] {
        var input = input
        var responses: [[IMAPResponsePiece]] = []
        while input.readableBytes > 0 {
            if let remaining = literalRemaining {
                let count = min(remaining, input.readableBytes)
                literal.append(contentsOf: input.readableBytesView.prefix(count))
                input.moveReaderIndex(forwardBy: count)
                finishLiteralIfComplete(remaining: remaining - count)
                continue
            }
            let view = input.readableBytesView
            if let lineFeed = view.firstIndex(of: UInt8(ascii: "\n")) {
                let count = lineFeed - view.startIndex + 1
                line.append(contentsOf: view.prefix(count))
                input.moveReaderIndex(forwardBy: count)
                if let response = try finishLine() { responses.append(response) }
            } else {
                line.append(contentsOf: view)
                input.moveReaderIndex(forwardBy: view.count)
            }
            guard line.count <= Self.maximumLineLength else {
                throw IMAPError(
                    kind: .protocolViolation, detail: "response line longer than \(Self.maximumLineLength) bytes")
            }
        }
        return responses
    }

    /// Ends the line in `line`: either a literal follows, or the response is complete.
    private mutating func finishLine() throws(IMAPError) -> [IMAPResponsePiece]? {
        var end = line.count - 1
        if end > 0, line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var text = Array(line[..<end])
        line.removeAll(keepingCapacity: true)
        guard let (markerStart, size) = Self.literalMarker(in: text) else {
            pieces.append(.text(text))
            defer { pieces = [] }
            return pieces
        }
        guard size <= maximumLiteralSize else {
            throw IMAPError(
                kind: .messageTooLarge,
                detail: "the server announced \(size) bytes; the limit is \(maximumLiteralSize)")
        }
        guard pieces.count / 2 < Self.maximumLiteralsPerResponse else {
            throw IMAPError(
                kind: .protocolViolation, detail: "more than \(Self.maximumLiteralsPerResponse) literals in a response")
        }
        text.removeSubrange(markerStart...)
        pieces.append(.text(text))
        literal.reserveCapacity(size)
        finishLiteralIfComplete(remaining: size)
        return nil
    }

    private mutating func finishLiteralIfComplete(remaining: Int) {
        guard remaining == 0 else {
            literalRemaining = remaining
            return
        }
        pieces.append(.literal(literal))
        literal = []
        literalRemaining = nil
    }

    /// The start of a trailing `{n}` and n, when `text` ends with one.
    private static func literalMarker(in text: [UInt8]) -> (start: Int, size: Int)? {
        guard text.last == UInt8(ascii: "}"), let open = text.lastIndex(of: UInt8(ascii: "{")) else { return nil }
        let digits = text[(open + 1)..<(text.count - 1)]
        guard (1...10).contains(digits.count), digits.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let size = Int(String(decoding: digits, as: UTF8.self))
        else { return nil }
        return (open, size)
    }
}
