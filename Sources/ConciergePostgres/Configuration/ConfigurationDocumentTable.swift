import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// A table of tenant configuration documents (calendars, SLA policies, triggers,
/// automations): validated JSON keyed by the tenant's own key, optionally ordered by position.
struct ConfigurationDocumentTable {
    /// One of the fixed table names of migration 0011, never input.
    let name: String
    let ordered: Bool
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    /// Every document, decoded, in position then key order.
    func all<Document: Decodable>(_ type: Document.Type) async throws -> [(key: String, document: Document)] {
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL:
                    "SELECT key, definition::text FROM \(name) WHERE tenant_id = $1 ORDER BY \(ordered ? "position, " : "")key",
                binds: try Self.binds(tenantID.rawValue)), logger: logger)
        var documents: [(key: String, document: Document)] = []
        for try await (key, json) in rows.decode((String, String).self) {
            documents.append((key, try JSONDecoder().decode(Document.self, from: Data(json.utf8))))
        }
        return documents
    }

    /// Inserts or replaces the document `key`. - Returns: `true` when it was new.
    func save(_ document: some Encodable, key: String, position: Int, at date: Date) async throws -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(document), as: UTF8.self)
        let positionColumn = ordered ? "position, " : ""
        let positionValue = ordered ? "$5, " : ""
        let positionUpdate = ordered ? "position = EXCLUDED.position, " : ""
        var binds = try Self.binds(tenantID.rawValue, key, json, date)
        if ordered { binds.append(position) }
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO \(name) (tenant_id, key, \(positionColumn)definition, created_at, updated_at)
                    VALUES ($1, $2, \(positionValue)$3::jsonb, $4, $4)
                    ON CONFLICT (tenant_id, key) DO UPDATE SET definition = EXCLUDED.definition, \(positionUpdate)
                        updated_at = EXCLUDED.updated_at
                    RETURNING (xmax = 0)
                    """, binds: binds), logger: logger)
        for try await inserted in rows.decode(Bool.self) { return inserted }
        return false
    }

    /// - Returns: `false` when there was no such document.
    func delete(key: String) async throws -> Bool {
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: "DELETE FROM \(name) WHERE tenant_id = $1 AND key = $2 RETURNING key",
                binds: try Self.binds(tenantID.rawValue, key)), logger: logger
        ).collect()
        return !rows.isEmpty
    }

    private static func binds(_ tenant: UUID, _ rest: String...) throws -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(tenant)
        for value in rest { binds.append(value) }
        return binds
    }

    private static func binds(_ tenant: UUID, _ key: String, _ json: String, _ date: Date) throws -> PostgresBindings {
        var binds = try binds(tenant, key, json)
        binds.append(date)
        return binds
    }
}
