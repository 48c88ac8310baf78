/// What the server said it supports in its EHLO reply (RFC 5321 §4.1.1.1).
struct SMTPServerExtensions: Sendable {
    /// Keyword (upper-cased) to its parameters, e.g. `AUTH` to `["PLAIN", "LOGIN"]`.
    private var keywords: [String: [String]] = [:]

    /// No extensions: what a server greeted with HELO supports.
    init() {}

    /// Parses an EHLO reply; its first line is the server's name, the others one extension each.
    init(ehloReply: SMTPReply) {
        for line in ehloReply.lines.dropFirst() {
            // "AUTH=PLAIN LOGIN" is an old, still-seen spelling of "AUTH PLAIN LOGIN".
            let words = line.split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first?.uppercased() else { continue }
            keywords[keyword, default: []] += words.dropFirst().map { $0.uppercased() }
        }
    }

    var supportsStartTLS: Bool { keywords["STARTTLS"] != nil }
    var supports8BitMIME: Bool { keywords["8BITMIME"] != nil }
    var authenticationMechanisms: Set<String> { Set(keywords["AUTH"] ?? []) }

    /// The largest message the server accepts, if it announced one (0 means no limit).
    var maximumMessageSize: Int? {
        guard let limit = keywords["SIZE"]?.first.flatMap({ Int($0) }), limit > 0 else { return nil }
        return limit
    }
}
