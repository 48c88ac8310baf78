import CHiredis
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One blocking hiredis connection.
///
/// - Important: `@unchecked Sendable` because the pool moves it between threads, which
///   region-based isolation cannot express. The invariant that makes this safe: a connection
///   is used by exactly one thread at a time, and only while it is checked out of
///   ``RedisConnectionPool`` (which hands it to a single closure on its own thread pool and
///   takes it back before handing it to anyone else). Never keep a reference past that closure.
public final class RedisConnection: @unchecked Sendable {
    private let context: UnsafeMutablePointer<redisContext>
    /// Set once an I/O or protocol error left the stream in an unknown state; the pool then
    /// drops the connection instead of reusing it.
    public private(set) var isBroken = false

    /// Connects, authenticates and selects the configured database. Blocks the calling thread.
    /// - Throws: ``RedisError/connectionFailed(_:)``.
    public init(configuration: RedisConfiguration) throws {
        let endpoint = "\(configuration.host):\(configuration.port)"
        guard
            let context = redisConnectWithTimeout(
                configuration.host, Int32(configuration.port), Self.cTimeval(configuration.connectTimeout))
        else { throw RedisError.connectionFailed("\(endpoint): out of memory") }
        if context.pointee.err != 0 {
            let reason = Self.errorText(of: context)
            // Freed here because deinit only runs once every stored property is set.
            redisFree(context)
            throw RedisError.connectionFailed("\(endpoint): \(reason)")
        }
        self.context = context
        do {
            guard redisSetTimeout(context, Self.cTimeval(configuration.commandTimeout)) == REDIS_OK else {
                throw RedisError.connectionFailed("cannot set the socket timeout")
            }
            if let password = configuration.password {
                let auth = configuration.username.map { ["AUTH", $0, password] } ?? ["AUTH", password]
                try command(auth).checked()
            }
            if configuration.database != 0 {
                try command(["SELECT", String(configuration.database)]).checked()
            }
        } catch {
            throw RedisError.connectionFailed("\(endpoint): \(error)")
        }
    }

    deinit {
        redisFree(context)
    }

    /// Sends one command and waits for its reply. Arguments go out with explicit lengths, so
    /// any bytes (including NUL) survive.
    /// - Returns: the reply; an error reply is returned as ``RedisReply/error(_:)``, not thrown,
    ///   because the connection is still usable.
    /// - Throws: ``RedisError/connectionBroken(_:)`` when the connection failed now or earlier.
    public func command(_ arguments: [String]) throws -> RedisReply {
        guard !isBroken else { throw RedisError.connectionBroken("used after an earlier failure") }
        precondition(!arguments.isEmpty, "a Redis command needs at least its name")
        // One contiguous buffer gives every argument a stable address for the single C call.
        var bytes: [UInt8] = []
        var lengths: [Int] = []
        lengths.reserveCapacity(arguments.count)
        for argument in arguments {
            let utf8 = argument.utf8
            lengths.append(utf8.count)
            bytes.append(contentsOf: utf8)
        }
        bytes.append(0)  // an all-empty argument list still needs a non-nil base address
        let raw: UnsafeMutableRawPointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var pointers: [UnsafePointer<CChar>?] = []
                pointers.reserveCapacity(lengths.count)
                var offset = 0
                for length in lengths {
                    pointers.append(chars.baseAddress.map { UnsafePointer($0 + offset) })
                    offset += length
                }
                return redisCommandArgv(context, Int32(arguments.count), &pointers, lengths)
            }
        }
        guard let raw, context.pointee.err == 0 else {
            if let raw { freeReplyObject(raw) }
            isBroken = true
            throw RedisError.connectionBroken(Self.errorText(of: context))
        }
        defer { freeReplyObject(raw) }
        return Self.copy(raw.assumingMemoryBound(to: redisReply.self))
    }

    /// Whether the idle connection still looks alive, checked without a round trip: an idle
    /// RESP2 connection never has anything to read, so readable means the server closed it
    /// (restart, `CLIENT KILL`, idle timeout) or the stream is out of step.
    public func isUsableWhileIdle() -> Bool {
        guard !isBroken else { return false }
        var descriptor = pollfd(fd: context.pointee.fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, 0)
        if ready == 0 { return true }
        isBroken = true
        return false
    }

    private static func copy(_ reply: UnsafeMutablePointer<redisReply>) -> RedisReply {
        let node = reply.pointee
        switch node.type {
        case REDIS_REPLY_STRING:
            return .bulk(bytes(node.str, node.len))
        case REDIS_REPLY_STATUS:
            return .status(String(decoding: bytes(node.str, node.len), as: UTF8.self))
        case REDIS_REPLY_ERROR:
            return .error(String(decoding: bytes(node.str, node.len), as: UTF8.self))
        case REDIS_REPLY_INTEGER:
            return .integer(Int(node.integer))
        case REDIS_REPLY_ARRAY:
            guard let children = node.element else { return .array([]) }
            return .array((0..<node.elements).map { index in children[index].map(copy) ?? .null })
        default:
            return .null
        }
    }

    private static func bytes(_ start: UnsafeMutablePointer<CChar>?, _ count: Int) -> [UInt8] {
        guard let start, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    private static func errorText(of context: UnsafeMutablePointer<redisContext>) -> String {
        let text = withUnsafeBytes(of: context.pointee.errstr) { buffer in
            String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
        }
        if !text.isEmpty { return text }
        return context.pointee.err == 0 ? "no reply" : "hiredis error \(context.pointee.err)"
    }

    private static func cTimeval(_ duration: Duration) -> timeval {
        let (seconds, attoseconds) = duration.components
        var value = timeval()
        value.tv_sec = time_t(seconds)
        value.tv_usec = suseconds_t(attoseconds / 1_000_000_000_000)
        return value
    }
}
