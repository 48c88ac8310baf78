import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// API tokens and sessions in the control plane, keyed by the SHA-256 digest of the secret.
/// Every tenant-facing query names the tenant explicitly (these tables have no RLS).
public struct CredentialPostgresStore: CredentialStore {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    static let tokenColumns =
        "id, tenant_id, name, role, token_prefix, created_by, created_at, last_used_at, revoked_at, expires_at"
    typealias TokenRow = (UUID, UUID, String, String, String, String, Date, Date?, Date?, Date?)

    public func insert(_ token: APIToken, digest: [UInt8]) async throws {
        try await client.query(
            """
            INSERT INTO api_tokens (id, tenant_id, name, role, token_digest, token_prefix, created_by, created_at, expires_at)
            VALUES (\(token.id.rawValue), \(token.tenantID.rawValue), \(token.name), \(token.role.rawValue), \(Data(digest)),
                    \(token.prefix), \(token.createdBy.description), \(token.createdAt), \(token.expiresAt))
            """, logger: logger)
    }

    public func useToken(digest: [UInt8], now: Date) async throws -> APIToken? {
        for try await row in try await client.execute(TokenUseStatement(digest: digest, now: now), logger: logger) {
            return Self.token(row)
        }
        return nil
    }

    public func tokens(of tenant: TenantID) async throws -> [APIToken] {
        let rows = try await client.query(
            "SELECT \(unescaped: Self.tokenColumns) FROM api_tokens WHERE tenant_id = \(tenant.rawValue) ORDER BY created_at DESC, id",
            logger: logger)
        return try await decodeTokens(rows)
    }

    public func revokeToken(_ id: APITokenID, of tenant: TenantID, at date: Date) async throws -> Bool {
        let rows = try await client.query(
            """
            UPDATE api_tokens SET revoked_at = \(date)
            WHERE id = \(id.rawValue) AND tenant_id = \(tenant.rawValue) AND revoked_at IS NULL RETURNING id
            """, logger: logger
        ).collect()
        return !rows.isEmpty
    }

    public func insert(_ session: Session, digest: [UInt8]) async throws {
        try await client.query(
            """
            INSERT INTO sessions (token_digest, tenant_id, user_id, csrf_token, created_at, last_seen_at, expires_at)
            VALUES (\(Data(digest)), \(session.tenantID.rawValue), \(session.userID.rawValue), \(session.csrfToken),
                    \(session.createdAt), \(session.lastSeenAt), \(session.expiresAt))
            """, logger: logger)
    }

    /// How stale `last_seen_at` may get before a use writes it.
    static let touchInterval: TimeInterval = 60

    public func useSession(digest: [UInt8], now: Date) async throws -> Session? {
        let rows = try await client.query(
            """
            SELECT tenant_id, user_id, csrf_token, created_at, last_seen_at, expires_at FROM sessions
            WHERE token_digest = \(Data(digest)) AND expires_at > \(now)
            """, logger: logger)
        for try await row in rows.decode((UUID, UUID, String, Date, Date, Date).self) {
            var session = Session(
                tenantID: TenantID(row.0), userID: UserID(row.1), csrfToken: row.2, createdAt: row.3, lastSeenAt: row.4,
                expiresAt: row.5)
            if now.timeIntervalSince(session.lastSeenAt) >= Self.touchInterval {
                try await client.query(
                    "UPDATE sessions SET last_seen_at = \(now) WHERE token_digest = \(Data(digest))", logger: logger)
                session.lastSeenAt = now
            }
            return session
        }
        return nil
    }

    public func deleteSession(digest: [UInt8]) async throws {
        try await client.query("DELETE FROM sessions WHERE token_digest = \(Data(digest))", logger: logger)
    }

    public func deleteSessions(of user: UserID, in tenant: TenantID) async throws {
        try await client.query(
            "DELETE FROM sessions WHERE tenant_id = \(tenant.rawValue) AND user_id = \(user.rawValue)", logger: logger)
    }

    public func purgeExpiredSessions(now: Date) async throws -> Int {
        try await client.query("DELETE FROM sessions WHERE expires_at <= \(now) RETURNING 1", logger: logger).collect()
            .count
    }

    private func decodeTokens(_ rows: PostgresRowSequence) async throws -> [APIToken] {
        var tokens: [APIToken] = []
        for try await row in rows.decode(TokenRow.self) { tokens.append(Self.token(row)) }
        return tokens
    }

    private static func token(_ row: TokenRow) -> APIToken {
        APIToken(
            id: APITokenID(row.0), tenantID: TenantID(row.1), name: row.2, role: Role(rawValue: row.3) ?? .lightAgent,
            prefix: row.4, createdBy: Actor(row.5) ?? .system("unknown"), createdAt: row.6, lastUsedAt: row.7,
            revokedAt: row.8, expiresAt: row.9)
    }
}
