import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Users of one tenant. Queries still name `tenant_id` (index use); RLS is the safety net.
struct UserPostgresRepository: UserRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    static let columns = "id, email, name, role, status, locale, last_login_at, created_at, updated_at, skills, regions"
    typealias Row = (UUID, String, String, String, String, String?, Date?, Date, Date, [String], [String])

    func insert(_ user: User, passwordHash: String?) async throws {
        try await translatingConstraintErrors(conflict: "email_taken", "a user with this email exists") {
            try await connection.query(
                """
                INSERT INTO users (tenant_id, id, email, name, role, status, locale, password_hash, created_at, updated_at,
                    skills, regions)
                VALUES (\(tenantID.rawValue), \(user.id.rawValue), \(user.email), \(user.name), \(user.role.rawValue),
                        \(user.status.rawValue), \(user.locale?.rawValue), \(passwordHash), \(user.createdAt), \(user.updatedAt),
                        \(user.skills), \(user.regions))
                """, logger: logger)
        }
    }

    func find(id: UserID) async throws -> User? {
        try await fetch(
            "SELECT \(unescaped: Self.columns) FROM users WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)"
        ).first
    }

    func find(email: String) async throws -> User? {
        try await fetch(
            "SELECT \(unescaped: Self.columns) FROM users WHERE tenant_id = \(tenantID.rawValue) AND email = \(email.lowercased())"
        ).first
    }

    func passwordHash(of id: UserID) async throws -> String? {
        let rows = try await connection.query(
            "SELECT password_hash FROM users WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)",
            logger: logger)
        for try await hash in rows.decode(String?.self) { return hash }
        return nil
    }

    func update(_ user: User) async throws {
        try await connection.query(
            """
            UPDATE users SET name = \(user.name), role = \(user.role.rawValue), status = \(user.status.rawValue),
                locale = \(user.locale?.rawValue), updated_at = \(user.updatedAt), skills = \(user.skills),
                regions = \(user.regions)
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(user.id.rawValue)
            """, logger: logger)
    }

    func setPasswordHash(_ hash: String, of id: UserID) async throws {
        try await connection.query(
            "UPDATE users SET password_hash = \(hash) WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)",
            logger: logger)
    }

    func recordLogin(of id: UserID, at date: Date) async throws {
        try await connection.query(
            "UPDATE users SET last_login_at = \(date) WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)",
            logger: logger)
    }

    func list(after cursor: UserID?, limit: Int) async throws -> [User] {
        if let cursor {
            return try await fetch(
                """
                SELECT \(unescaped: Self.columns) FROM users
                WHERE tenant_id = \(tenantID.rawValue)
                  AND (name, id) > (SELECT name, id FROM users WHERE tenant_id = \(tenantID.rawValue) AND id = \(cursor.rawValue))
                ORDER BY name, id LIMIT \(limit)
                """)
        }
        return try await fetch(
            "SELECT \(unescaped: Self.columns) FROM users WHERE tenant_id = \(tenantID.rawValue) ORDER BY name, id LIMIT \(limit)"
        )
    }

    func countSeatsInUse() async throws -> Int {
        try await count(
            "SELECT count(*)::int8 FROM users WHERE tenant_id = \(tenantID.rawValue) AND role <> 'light_agent' AND status <> 'deactivated'"
        )
    }

    func countActiveOwners() async throws -> Int {
        try await count(
            "SELECT count(*)::int8 FROM users WHERE tenant_id = \(tenantID.rawValue) AND role = 'owner' AND status = 'active'"
        )
    }

    private func count(_ query: PostgresQuery) async throws -> Int {
        for try await value in try await connection.query(query, logger: logger).decode(Int64.self) {
            return Int(value)
        }
        return 0
    }

    private func fetch(_ query: PostgresQuery) async throws -> [User] {
        var users: [User] = []
        for try await row in try await connection.query(query, logger: logger).decode(Row.self) {
            users.append(
                User(
                    id: UserID(row.0), tenantID: tenantID, email: row.1, name: row.2,
                    role: Role(rawValue: row.3) ?? .agent,
                    status: UserStatus(rawValue: row.4) ?? .deactivated,
                    locale: row.5.flatMap(Tenant.Locale.init(rawValue:)),
                    skills: row.9, regions: row.10, lastLoginAt: row.6, createdAt: row.7, updatedAt: row.8))
        }
        return users
    }
}
