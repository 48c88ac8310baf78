import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Groups of one tenant with their member lists.
struct GroupPostgresRepository: GroupRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    typealias Row = (UUID, String, String, String, Date, Date, [UUID])

    static let select = """
        SELECT g.id, g.key, g.name, g.description, g.created_at, g.updated_at,
               COALESCE(array_agg(m.user_id ORDER BY m.user_id) FILTER (WHERE m.user_id IS NOT NULL), '{}')
        FROM groups g LEFT JOIN group_members m ON m.tenant_id = g.tenant_id AND m.group_id = g.id
        """

    func insert(_ group: Group) async throws {
        try await translatingConstraintErrors(conflict: "key_taken", "a group with this key exists") {
            try await connection.query(
                """
                INSERT INTO groups (tenant_id, id, key, name, description, created_at, updated_at)
                VALUES (\(tenantID.rawValue), \(group.id.rawValue), \(group.key), \(group.name), \(group.description),
                        \(group.createdAt), \(group.updatedAt))
                """, logger: logger)
        }
    }

    func find(id: GroupID) async throws -> Group? {
        try await fetch(
            "\(unescaped: Self.select) WHERE g.tenant_id = \(tenantID.rawValue) AND g.id = \(id.rawValue) GROUP BY g.tenant_id, g.id"
        ).first
    }

    func find(key: String) async throws -> Group? {
        try await fetch(
            "\(unescaped: Self.select) WHERE g.tenant_id = \(tenantID.rawValue) AND g.key = \(key) GROUP BY g.tenant_id, g.id"
        ).first
    }

    func update(_ group: Group) async throws {
        try await connection.query(
            """
            UPDATE groups SET name = \(group.name), description = \(group.description), updated_at = \(group.updatedAt)
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(group.id.rawValue)
            """, logger: logger)
    }

    func delete(id: GroupID) async throws -> Bool {
        let rows = try await connection.query(
            "DELETE FROM groups WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue) RETURNING id",
            logger: logger
        ).collect()
        return !rows.isEmpty
    }

    func list() async throws -> [Group] {
        try await fetch(
            "\(unescaped: Self.select) WHERE g.tenant_id = \(tenantID.rawValue) GROUP BY g.tenant_id, g.id ORDER BY g.name, g.id"
        )
    }

    func setMembers(_ members: [UserID], of id: GroupID) async throws {
        let ids = members.map(\.rawValue)
        try await connection.query(
            "DELETE FROM group_members WHERE tenant_id = \(tenantID.rawValue) AND group_id = \(id.rawValue)",
            logger: logger)
        guard !ids.isEmpty else { return }
        try await translatingConstraintErrors(conflict: "duplicate_member", "a member is listed twice", missing: "user")
        {
            try await connection.query(
                """
                INSERT INTO group_members (tenant_id, group_id, user_id)
                SELECT \(tenantID.rawValue), \(id.rawValue), u FROM unnest(\(ids)::uuid[]) AS u
                """, logger: logger)
        }
    }

    private func fetch(_ query: PostgresQuery) async throws -> [Group] {
        var groups: [Group] = []
        for try await row in try await connection.query(query, logger: logger).decode(Row.self) {
            groups.append(
                Group(
                    id: GroupID(row.0), tenantID: tenantID, key: row.1, name: row.2, description: row.3,
                    memberIDs: row.6.map(UserID.init), createdAt: row.4, updatedAt: row.5))
        }
        return groups
    }
}
