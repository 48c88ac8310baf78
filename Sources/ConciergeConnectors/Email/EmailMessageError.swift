/// Why an ``EmailMessage`` cannot be turned into RFC 5322 bytes.
///
/// The values that caused the error are not repeated where they may be user content (subjects,
/// names): the error names the header field instead.
public enum EmailMessageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A header value contains CR or LF, which would let it add header fields of its own.
    case lineBreakInHeader(field: String)
    /// An address is not a plain ASCII `local@domain` without spaces, line breaks or `<>`.
    case invalidAddress(String)
    /// An additional header's name is not printable ASCII without `:` or spaces, or is one the
    /// message sets itself.
    case invalidHeaderName(String)
    /// A Message-ID, In-Reply-To or References value is not a `<left@right>` identifier.
    case invalidMessageID(field: String)
    /// The message has no recipient in To, Cc or Bcc.
    case noRecipients

    /// The error in words, for logs.
    public var description: String {
        switch self {
        case .lineBreakInHeader(let field): return "header \(field) contains a line break"
        case .invalidAddress(let address): return "invalid email address \"\(address)\""
        case .invalidHeaderName(let name): return "invalid header name \"\(name)\""
        case .invalidMessageID(let field): return "header \(field) is not a valid message identifier"
        case .noRecipients: return "the message has no recipients"
        }
    }
}
