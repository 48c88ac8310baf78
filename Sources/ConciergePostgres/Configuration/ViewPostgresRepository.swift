import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Saved views of one tenant; filters stored as JSON.
struct ViewPostgresRepository: ViewRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    static let columns = "id, key, title, owner_id, filters::text, position::int8"

    func visible(to owner: UserID?) async throws -> [SavedView] {
        try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM views
            WHERE tenant_id = \(tenantID.rawValue) AND (owner_id IS NULL OR owner_id = \(owner?.rawValue))
            ORDER BY owner_id NULLS FIRST, position, key
            """)
    }

    func find(id: ViewID) async throws -> SavedView? {
        try await fetch(
            "SELECT \(unescaped: Self.columns) FROM views WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)"
        ).first
    }

    func find(key: String) async throws -> SavedView? {
        try await fetch(
            "SELECT \(unescaped: Self.columns) FROM views WHERE tenant_id = \(tenantID.rawValue) AND key = \(key)"
        ).first
    }

    func insert(_ view: SavedView) async throws {
        let now = Date()
        try await translatingConstraintErrors(conflict: "key_taken", "a view with key '\(view.key)' exists") {
            try await connection.query(
                """
                INSERT INTO views (tenant_id, id, key, title, owner_id, filters, position, created_at, updated_at)
                VALUES (\(tenantID.rawValue), \(view.id.rawValue), \(view.key), \(view.title), \(view.ownerID?.rawValue),
                        \(try CustomFieldPostgresRepository.json(view.filters))::jsonb, \(view.position), \(now), \(now))
                """, logger: logger)
        }
    }

    func update(_ view: SavedView) async throws {
        try await connection.query(
            """
            UPDATE views SET title = \(view.title), filters = \(try CustomFieldPostgresRepository.json(view.filters))::jsonb,
                position = \(view.position), updated_at = \(Date())
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(view.id.rawValue)
            """, logger: logger)
    }

    func delete(id: ViewID) async throws -> Bool {
        !(try await connection.query(
            "DELETE FROM views WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue) RETURNING 1",
            logger: logger
        ).collect().isEmpty)
    }

    private func fetch(_ query: PostgresQuery) async throws -> [SavedView] {
        var views: [SavedView] = []
        for try await row in try await connection.query(query, logger: logger).decode(
            (UUID, String, String, UUID?, String, Int64).self)
        {
            let filters = try JSONDecoder().decode(ViewFilters.self, from: Data(row.4.utf8))
            views.append(
                SavedView(
                    id: ViewID(row.0), key: row.1, title: row.2, ownerID: row.3.map(UserID.init), filters: filters,
                    position: Int(row.5)))
        }
        return views
    }
}
