import Foundation
import PostgresNIO

/// Parses `postgres://user:password@host:port/database` into a PostgresNIO configuration.
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String

    /// - Throws: ``DatabaseURLError`` naming what is wrong (never echoing the password).
    public init(_ text: String) throws {
        guard let components = URLComponents(string: text),
            ["postgres", "postgresql"].contains(components.scheme ?? "")
        else { throw DatabaseURLError(message: "must look like postgres://user:password@host:port/database") }
        guard let host = components.host, !host.isEmpty else { throw DatabaseURLError(message: "has no host") }
        guard let user = components.user, !user.isEmpty else { throw DatabaseURLError(message: "has no user") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw DatabaseURLError(message: "has no database name") }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
    }

    /// Describes a server explicitly.
    public init(host: String, port: Int, username: String, password: String?, database: String) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
    }

    /// The URL text, password included (for child processes' environment; never log it).
    public var urlString: String {
        let allowed = CharacterSet.urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/"))
        let user = username.addingPercentEncoding(withAllowedCharacters: allowed) ?? username
        let secret = password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0) } ?? ""
        return "postgres://\(user)\(secret)@\(host):\(port)/\(database)"
    }

    /// The same server and credentials, another database.
    public func with(database: String) -> DatabaseURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// Safe to log: the password is masked.
    public var description: String { "postgres://\(username):***@\(host):\(port)/\(database)" }

    /// A client configuration without TLS (loopback and private networks; put TLS in front
    /// with `sslmode`-style settings when Postgres is remote).
    public func clientConfiguration() -> PostgresClient.Configuration {
        PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: .disable)
    }
}

/// A malformed database URL.
public struct DatabaseURLError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { "database URL \(message)" }
}
