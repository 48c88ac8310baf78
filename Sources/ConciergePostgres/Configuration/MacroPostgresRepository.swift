import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Macros of one tenant, stored as JSON documents.
struct MacroPostgresRepository: MacroRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func all() async throws -> [Macro] {
        try await fetch("SELECT macro::text FROM macros WHERE tenant_id = \(tenantID.rawValue) ORDER BY key")
    }

    func find(id: MacroID) async throws -> Macro? {
        try await fetch("SELECT macro::text FROM macros WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)")
            .first
    }

    func find(key: String) async throws -> Macro? {
        try await fetch("SELECT macro::text FROM macros WHERE tenant_id = \(tenantID.rawValue) AND key = \(key)").first
    }

    func insert(_ macro: Macro) async throws {
        let now = Date()
        try await translatingConstraintErrors(conflict: "key_taken", "a macro with key '\(macro.key)' exists") {
            try await connection.query(
                """
                INSERT INTO macros (tenant_id, id, key, macro, created_at, updated_at)
                VALUES (\(tenantID.rawValue), \(macro.id.rawValue), \(macro.key), \(try CustomFieldPostgresRepository.json(macro))::jsonb,
                        \(now), \(now))
                """, logger: logger)
        }
    }

    func update(_ macro: Macro) async throws {
        try await connection.query(
            """
            UPDATE macros SET macro = \(try CustomFieldPostgresRepository.json(macro))::jsonb, updated_at = \(Date())
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(macro.id.rawValue)
            """, logger: logger)
    }

    func delete(id: MacroID) async throws -> Bool {
        !(try await connection.query(
            "DELETE FROM macros WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue) RETURNING 1",
            logger: logger
        ).collect().isEmpty)
    }

    private func fetch(_ query: PostgresQuery) async throws -> [Macro] {
        var macros: [Macro] = []
        for try await text in try await connection.query(query, logger: logger).decode(String.self) {
            macros.append(try JSONDecoder().decode(Macro.self, from: Data(text.utf8)))
        }
        return macros
    }
}
