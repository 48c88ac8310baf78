/// What can go wrong talking to Redis.
///
/// ``server(_:)`` means Redis rejected one command and the connection is still fine; every
/// other case means the connection (or pool) cannot be used for that call.
public enum RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL is not `redis://[[user]:password@]host[:port][/db]`.
    case invalidURL(String)
    /// The TCP connection, AUTH or SELECT failed.
    case connectionFailed(String)
    /// An I/O or protocol error broke the connection mid-command; it is dropped from the pool.
    case connectionBroken(String)
    /// Redis answered with an error reply (`-ERR …`).
    case server(String)
    /// A reply did not have the shape the caller expected (a bug or a foreign key layout).
    case unexpectedReply(String)
    /// Every connection stayed busy for the whole checkout timeout.
    case poolTimeout
    /// The pool was shut down.
    case poolShutDown

    /// A one-line explanation for logs; never includes credentials.
    public var description: String {
        switch self {
        case .invalidURL(let url): "invalid Redis URL: \(url)"
        case .connectionFailed(let reason): "cannot connect to Redis: \(reason)"
        case .connectionBroken(let reason): "Redis connection broken: \(reason)"
        case .server(let message): "Redis error: \(message)"
        case .unexpectedReply(let detail): "unexpected Redis reply: \(detail)"
        case .poolTimeout: "timed out waiting for a free Redis connection"
        case .poolShutDown: "the Redis connection pool is shut down"
        }
    }
}
