/// The result word of a status response (RFC 3501 §7.1).
enum IMAPStatus: String, Sendable {
    case ok = "OK"
    case no = "NO"
    case bad = "BAD"
    case bye = "BYE"
    case preauth = "PREAUTH"
}

/// A status response: `OK`, `NO`, `BAD`, `BYE` or `PREAUTH`, with its optional response code.
struct IMAPStatusResponse: Sendable, Hashable, CustomStringConvertible {
    var status: IMAPStatus
    /// The words of the bracketed response code, e.g. `["UIDVALIDITY", "3857529045"]`; empty without one.
    var code: [String]
    /// The human-readable text after the code.
    var text: String

    /// The number after `name` in the response code, e.g. `UIDNEXT 4392`.
    func codeNumber(_ name: String) -> UInt32? {
        guard code.count == 2, code[0] == name else { return nil }
        return UInt32(code[1])
    }

    /// `NO [NONEXISTENT] Mailbox doesn't exist`, as the server said it.
    var description: String {
        let bracketed = code.isEmpty ? "" : "[\(code.joined(separator: " "))] "
        return "\(status.rawValue) \(bracketed)\(text)"
    }
}

/// What one `FETCH` response says about one message; the client asks for `UID`, `RFC822.SIZE`
/// and `BODY[]` only.
struct IMAPFetchResponse: Sendable {
    var sequenceNumber: UInt32
    var uid: UInt32?
    var size: Int?
    var body: [UInt8]?
}

/// An untagged response (`* …`) of the kinds the client uses; the rest are kept as `other`.
enum IMAPUntaggedResponse: Sendable {
    case status(IMAPStatusResponse)
    case capability([String])
    case exists(UInt32)
    case search([UInt32])
    case fetch(IMAPFetchResponse)
    case other(String)
}

/// One complete server response (RFC 3501 §7), literals included.
enum IMAPResponse: Sendable {
    /// `+ text`: the server waits for the rest of a command (after a synchronising literal).
    case continuation(String)
    /// `tag OK/NO/BAD text`: the end of the command with that tag.
    case tagged(tag: String, IMAPStatusResponse)
    /// `* …`: data or status not tied to a command's completion.
    case untagged(IMAPUntaggedResponse)
}

/// Everything a command produced: the untagged responses that arrived while it ran, and the
/// status that completed it (the tagged one, or the greeting).
struct IMAPCommandResult: Sendable {
    var untagged: [IMAPUntaggedResponse]
    var completion: IMAPStatusResponse
}
