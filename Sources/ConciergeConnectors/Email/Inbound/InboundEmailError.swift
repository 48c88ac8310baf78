/// Why a raw message could not be read at all. Damage that still leaves a readable message (a
/// missing closing boundary, an unknown charset, broken base64) is repaired instead of thrown.
public enum InboundEmailError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input has no bytes, or only whitespace.
    case empty
    /// The input is larger than the configured maximum, in bytes.
    case tooLarge(limit: Int)
    /// The input does not start with a header field, so it is not an RFC 5322 message.
    case noHeaders
    /// A multipart entity has no `boundary` parameter, or none of its body lines is a boundary.
    case malformedMultipart
    /// Multipart entities are nested deeper than the configured maximum.
    case nestingTooDeep(limit: Int)
    /// The message has more MIME parts than the configured maximum.
    case tooManyParts(limit: Int)

    /// A short explanation for logs.
    public var description: String {
        switch self {
        case .empty: "the message is empty"
        case .tooLarge(let limit): "the message is larger than \(limit) bytes"
        case .noHeaders: "the message does not start with a header field"
        case .malformedMultipart: "a multipart entity has no boundary or no parts"
        case .nestingTooDeep(let limit): "multipart entities are nested deeper than \(limit) levels"
        case .tooManyParts(let limit): "the message has more than \(limit) MIME parts"
        }
    }
}
