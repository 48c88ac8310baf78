/// One reply from an SMTP server: a three-digit code and one or more lines of text.
///
/// Multi-line replies (`250-first`, `250-second`, `250 last`) arrive as one value with all their
/// lines, in order, without the code and separator (RFC 5321 §4.2.1).
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    /// The reply code, 200–599.
    public let code: Int
    /// The text of every line, without the code and the `-` or space after it.
    public let lines: [String]

    /// Creates a reply, as the client's parser does for what the server sent.
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx: the command succeeded.
    public var isPositiveCompletion: Bool { (200..<300).contains(code) }
    /// 4xx: the server refused for now; the same command may succeed later.
    public var isTransientFailure: Bool { (400..<500).contains(code) }
    /// 5xx: the server refused for good; repeating the command will not help.
    public var isPermanentFailure: Bool { (500..<600).contains(code) }

    /// The text of all lines, joined by spaces: what a delivery log keeps.
    public var text: String { lines.joined(separator: " ") }

    /// `550 5.1.1 <nobody@example.com>: Recipient address rejected`, on one line.
    public var description: String { text.isEmpty ? String(code) : "\(code) \(text)" }
}
