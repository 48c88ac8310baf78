import Foundation

/// Where and how to reach one Redis server.
public struct RedisConfiguration: Sendable, Equatable {
    /// Host name or IP address.
    public var host: String
    /// TCP port.
    public var port: Int
    /// ACL user name (Redis 6+); `nil` authenticates as `default` when a password is set.
    public var username: String?
    /// Password sent with AUTH; `nil` skips AUTH.
    public var password: String?
    /// Database index selected after connecting.
    public var database: Int
    /// Limit on establishing the TCP connection.
    public var connectTimeout: Duration
    /// Limit on each blocking read or write; a hung server breaks the connection instead of
    /// holding a pool thread forever.
    public var commandTimeout: Duration

    /// Describes a server explicitly.
    public init(
        host: String = "127.0.0.1", port: Int = 6379, username: String? = nil, password: String? = nil,
        database: Int = 0, connectTimeout: Duration = .seconds(2), commandTimeout: Duration = .seconds(5)
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
    }

    /// Parses `redis://[[user]:password@]host[:port][/db]`, e.g. `redis://:secret@cache:6379/2`.
    /// - Throws: ``RedisError/invalidURL(_:)`` for another scheme, a missing host, or a
    ///   database that is not a non-negative integer.
    public init(url: String, connectTimeout: Duration = .seconds(2), commandTimeout: Duration = .seconds(5)) throws {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "redis",
            let host = components.host, !host.isEmpty
        else { throw RedisError.invalidURL(Self.redacted(url)) }
        let path = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let database: Int
        if path.isEmpty {
            database = 0
        } else if let index = Int(path), index >= 0 {
            database = index
        } else {
            throw RedisError.invalidURL(Self.redacted(url))
        }
        // URLComponents keeps percent-escapes in `percentEncodedUser`; the decoded forms are
        // what Redis expects.
        let user = components.user.flatMap { $0.isEmpty ? nil : $0 }
        let password = components.password.flatMap { $0.isEmpty ? nil : $0 }
        self.init(
            host: host, port: components.port ?? 6379, username: user, password: password, database: database,
            connectTimeout: connectTimeout, commandTimeout: commandTimeout)
    }

    /// The URL with any user info masked, because errors end up in logs.
    private static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        guard let at = authority.lastIndex(of: "@") else { return url }
        return url[..<schemeEnd.upperBound] + "***" + url[at...]
    }
}
