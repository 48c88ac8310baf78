import NIOCore

/// Splits the bytes an SMTP server sends into replies, keeping incomplete lines for the next read.
///
/// A reply ends with a line whose code is followed by a space or nothing; lines whose code is
/// followed by `-` continue it (RFC 5321 §4.2.1). Bare LF line ends are accepted because some
/// servers send them, but a line or reply without bounds is refused: a server that never ends its
/// reply must not grow our memory without limit.
struct SMTPReplyParser {
    /// RFC 5321 allows 512 octets per reply line; real servers stay far below this.
    static let maximumLineLength = 4096
    /// EHLO replies have the most lines, rarely more than twenty.
    static let maximumLinesPerReply = 200

    private var unparsed: [UInt8] = []
    private var pendingCode: Int?
    private var pendingLines: [String] = []

    /// Whether bytes of an unfinished reply are waiting. After STARTTLS is accepted nothing may be
    /// waiting: plaintext sent ahead of the handshake would otherwise be trusted as if encrypted.
    var hasBufferedInput: Bool { !unparsed.isEmpty || pendingCode != nil }

    /// Adds `buffer` and returns every reply it completes.
    mutating func consume(_ buffer: ByteBuffer) throws(SMTPError) -> [SMTPReply] {
        unparsed.append(contentsOf: buffer.readableBytesView)
        var replies: [SMTPReply] = []
        var lineStart = 0
        while let lineFeed = unparsed[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            var lineEnd = lineFeed
            if lineEnd > lineStart, unparsed[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            if let reply = try parseLine(unparsed[lineStart..<lineEnd]) { replies.append(reply) }
            lineStart = lineFeed + 1
        }
        unparsed.removeFirst(lineStart)
        if unparsed.count > Self.maximumLineLength {
            throw SMTPError(kind: .protocolViolation, detail: "reply line longer than \(Self.maximumLineLength) bytes")
        }
        return replies
    }

    private mutating func parseLine(_ line: ArraySlice<UInt8>) throws(SMTPError) -> SMTPReply? {
        guard line.count <= Self.maximumLineLength else {
            throw SMTPError(kind: .protocolViolation, detail: "reply line longer than \(Self.maximumLineLength) bytes")
        }
        let digits = line.prefix(3)
        guard digits.count == 3, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let code = Int(String(decoding: digits, as: UTF8.self)), (200..<600).contains(code)
        else {
            throw SMTPError(kind: .protocolViolation, detail: "malformed reply line: \(Self.printable(line))")
        }
        let separator = line.dropFirst(3).first
        guard separator == nil || separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw SMTPError(kind: .protocolViolation, detail: "malformed reply line: \(Self.printable(line))")
        }
        if let pendingCode, pendingCode != code {
            throw SMTPError(kind: .protocolViolation, detail: "reply code changed from \(pendingCode) to \(code)")
        }
        pendingCode = code
        pendingLines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
        guard separator != UInt8(ascii: "-") else {
            if pendingLines.count > Self.maximumLinesPerReply {
                throw SMTPError(
                    kind: .protocolViolation, detail: "reply longer than \(Self.maximumLinesPerReply) lines")
            }
            return nil
        }
        defer {
            self.pendingCode = nil
            self.pendingLines = []
        }
        return SMTPReply(code: code, lines: pendingLines)
    }

    /// The start of a rejected line, for the error: enough to recognise what answered.
    private static func printable(_ line: ArraySlice<UInt8>) -> String {
        String(decoding: line.prefix(60).map { (32..<127).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}
