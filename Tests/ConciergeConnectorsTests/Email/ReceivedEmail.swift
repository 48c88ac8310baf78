/// A message as the test SMTP server received it, parsed by Python's email package: an
/// implementation independent of ours, so a round trip proves real readers understand us.
struct ReceivedEmail: Decodable {
    let mailFrom: String
    let rcptTos: [String]
    let tls: Bool
    let authLogin: String?
    /// Every header field as name and decoded value, in order.
    let headers: [[String]]
    /// Display name and address of each mailbox.
    let from: [[String]]
    let to: [[String]]
    let cc: [[String]]
    let replyTo: [[String]]
    let subject: String?
    let contentType: String
    let text: String?
    let html: String?
    /// Problems Python's parser found: malformed headers, bad encodings, missing boundaries.
    let defects: [String]
    /// The message as received, after the server undid the dot-stuffing.
    let raw: String
    let longestLine: Int
    let bareLineFeeds: Int

    /// The decoded value of the first header field with this name, if any.
    func header(_ name: String) -> String? {
        headers.first { $0[0].lowercased() == name.lowercased() }?[1]
    }

    enum CodingKeys: String, CodingKey {
        case mailFrom = "mail_from"
        case rcptTos = "rcpt_tos"
        case tls
        case authLogin = "auth_login"
        case headers, from, to, cc
        case replyTo = "reply_to"
        case subject
        case contentType = "content_type"
        case text, html, defects, raw
        case longestLine = "longest_line"
        case bareLineFeeds = "bare_line_feeds"
    }
}
