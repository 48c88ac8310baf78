import NIOConcurrencyHelpers

/// A Lua script Redis runs atomically, sent by SHA once the server has it.
///
/// The SHA is learnt with `SCRIPT LOAD` on first use and cached; a server that forgot it
/// (restart, `SCRIPT FLUSH`, failover to a replica) answers `NOSCRIPT`, and the script is sent
/// whole with EVAL, which loads it again under the same SHA.
final class RedisScript: Sendable {
    /// The Lua source.
    let source: String
    private let sha = NIOLockedValueBox<String?>(nil)

    /// Wraps `source`; nothing is sent until the first ``run(on:keys:arguments:)``.
    init(_ source: String) {
        self.source = source
    }

    /// Runs the script with `keys` as `KEYS` and `arguments` as `ARGV`.
    /// - Throws: ``RedisError/server(_:)`` when the script raises, connection errors otherwise.
    func run(on connection: RedisConnection, keys: [String], arguments: [String]) throws -> RedisReply {
        let tail = [String(keys.count)] + keys + arguments
        let known = sha.withLockedValue { $0 }
        let digest = try known ?? load(on: connection)
        let reply = try connection.command(["EVALSHA", digest] + tail)
        if case .error(let message) = reply, message.hasPrefix("NOSCRIPT") {
            return try connection.command(["EVAL", source] + tail).checked()
        }
        return try reply.checked()
    }

    private func load(on connection: RedisConnection) throws -> String {
        guard let digest = try connection.command(["SCRIPT", "LOAD", source]).checked().text else {
            throw RedisError.unexpectedReply("SCRIPT LOAD returned no SHA")
        }
        sha.withLockedValue { $0 = digest }
        return digest
    }
}
