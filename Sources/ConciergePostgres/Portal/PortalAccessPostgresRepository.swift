import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// The portal's sign-in links and sessions of one tenant (migration 0018).
struct PortalAccessPostgresRepository: PortalAccessRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func insert(link: PortalLink, digest: [UInt8]) async throws {
        try await connection.query(
            """
            INSERT INTO portal_links (tenant_id, token_digest, customer_id, email, created_at, expires_at, used_at)
            VALUES (\(tenantID.rawValue), \(Data(digest)), \(link.customerID.rawValue), \(link.email), \(link.createdAt),
                    \(link.expiresAt), \(link.usedAt))
            """, logger: logger)
    }

    func link(digest: [UInt8]) async throws -> PortalLink? {
        let rows = try await connection.query(
            """
            SELECT customer_id, email, created_at, expires_at, used_at FROM portal_links
            WHERE tenant_id = \(tenantID.rawValue) AND token_digest = \(Data(digest))
            """, logger: logger)
        for try await (customer, email, created, expires, used) in rows.decode((UUID, String, Date, Date, Date?).self) {
            return PortalLink(
                customerID: CustomerID(customer), email: email, createdAt: created, expiresAt: expires, usedAt: used)
        }
        return nil
    }

    func consumeLink(digest: [UInt8], at date: Date) async throws -> CustomerID? {
        let rows = try await connection.query(
            """
            UPDATE portal_links SET used_at = \(date)
            WHERE tenant_id = \(tenantID.rawValue) AND token_digest = \(Data(digest)) AND used_at IS NULL
              AND expires_at > \(date)
            RETURNING customer_id
            """, logger: logger)
        for try await customer in rows.decode(UUID.self) { return CustomerID(customer) }
        return nil
    }

    func retireLinks(of customer: CustomerID, at date: Date) async throws {
        try await connection.query(
            """
            UPDATE portal_links SET used_at = \(date)
            WHERE tenant_id = \(tenantID.rawValue) AND customer_id = \(customer.rawValue) AND used_at IS NULL
            """, logger: logger)
    }

    func purgeExpired(of customer: CustomerID, before date: Date) async throws {
        try await connection.query(
            """
            DELETE FROM portal_links
            WHERE tenant_id = \(tenantID.rawValue) AND customer_id = \(customer.rawValue) AND expires_at < \(date)
            """, logger: logger)
        try await connection.query(
            """
            DELETE FROM portal_sessions
            WHERE tenant_id = \(tenantID.rawValue) AND customer_id = \(customer.rawValue) AND expires_at < \(date)
            """, logger: logger)
    }

    func insert(session: PortalSession, digest: [UInt8]) async throws {
        try await connection.query(
            """
            INSERT INTO portal_sessions (tenant_id, token_digest, customer_id, csrf_token, created_at, last_seen_at,
                expires_at)
            VALUES (\(tenantID.rawValue), \(Data(digest)), \(session.customerID.rawValue), \(session.csrfToken),
                    \(session.createdAt), \(session.lastSeenAt), \(session.expiresAt))
            """, logger: logger)
    }

    func session(digest: [UInt8], at date: Date) async throws -> PortalSession? {
        let rows = try await connection.query(
            """
            SELECT customer_id, csrf_token, created_at, last_seen_at, expires_at FROM portal_sessions
            WHERE tenant_id = \(tenantID.rawValue) AND token_digest = \(Data(digest)) AND expires_at > \(date)
            """, logger: logger)
        for try await (customer, csrf, created, seen, expires) in rows.decode((UUID, String, Date, Date, Date).self) {
            return PortalSession(
                customerID: CustomerID(customer), csrfToken: csrf, createdAt: created, lastSeenAt: seen,
                expiresAt: expires)
        }
        return nil
    }

    func touchSession(digest: [UInt8], at date: Date) async throws {
        try await connection.query(
            """
            UPDATE portal_sessions SET last_seen_at = \(date)
            WHERE tenant_id = \(tenantID.rawValue) AND token_digest = \(Data(digest))
            """, logger: logger)
    }

    func deleteSession(digest: [UInt8]) async throws {
        try await connection.query(
            """
            DELETE FROM portal_sessions WHERE tenant_id = \(tenantID.rawValue) AND token_digest = \(Data(digest))
            """, logger: logger)
    }
}

/// The scheduler's purge of every tenant's expired portal links and sessions (migration 0018's
/// `portal_purge_expired`, owner's rights).
public struct PortalAccessPostgresPurger: PortalAccessPurger {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func purgeExpired(before date: Date) async throws -> Int {
        let rows = try await client.query("SELECT portal_purge_expired(\(date))", logger: logger)
        for try await count in rows.decode(Int32.self) { return Int(count) }
        return 0
    }
}
