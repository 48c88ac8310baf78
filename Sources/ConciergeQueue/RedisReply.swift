/// One RESP2 reply, copied out of hiredis' memory so it outlives the C reply object.
///
/// Bulk strings stay bytes because Redis values are binary; ``text`` decodes them when the
/// caller knows they hold UTF-8.
public enum RedisReply: Sendable, Equatable {
    /// A bulk string (`$`), possibly binary.
    case bulk([UInt8])
    /// A simple status line (`+OK`, `+PONG`).
    case status(String)
    /// An integer (`:`).
    case integer(Int)
    /// A multi-bulk (`*`); elements may themselves be any reply.
    case array([RedisReply])
    /// The null bulk string or null array (a missing key, a script returning `false`).
    case null
    /// An error line (`-ERR …`, `-NOSCRIPT …`); a command-level failure, the connection stays usable.
    case error(String)

    /// The reply as UTF-8 text for bulk and status replies, the decimal text of an integer;
    /// `nil` otherwise.
    public var text: String? {
        switch self {
        case .bulk(let bytes): String(decoding: bytes, as: UTF8.self)
        case .status(let line): line
        case .integer(let value): String(value)
        default: nil
        }
    }

    /// The reply as an integer: integers as is, bulk strings that parse as a decimal integer;
    /// `nil` otherwise.
    public var integer: Int? {
        switch self {
        case .integer(let value): value
        case .bulk(let bytes): Int(String(decoding: bytes, as: UTF8.self))
        default: nil
        }
    }

    /// The elements of an array reply; `nil` for any other reply.
    public var elements: [RedisReply]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The reply itself, or ``RedisError/server(_:)`` when Redis answered with an error, so
    /// callers that expect success can write `try reply.checked()`.
    /// - Throws: ``RedisError/server(_:)``.
    @discardableResult
    public func checked() throws -> RedisReply {
        if case .error(let message) = self { throw RedisError.server(message) }
        return self
    }
}
