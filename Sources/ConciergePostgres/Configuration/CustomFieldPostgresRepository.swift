import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Custom field definitions and ticket forms of one tenant, stored as JSON documents.
struct CustomFieldPostgresRepository: CustomFieldRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func definitions() async throws -> [CustomFieldDefinition] {
        try await documents(
            "SELECT definition::text FROM custom_field_definitions WHERE tenant_id = \(tenantID.rawValue) ORDER BY position, key"
        )
    }

    func insert(_ definition: CustomFieldDefinition) async throws {
        let now = Date()
        try await translatingConstraintErrors(
            conflict: "key_taken", "a custom field with key '\(definition.key)' exists"
        ) {
            try await connection.query(
                """
                INSERT INTO custom_field_definitions (tenant_id, id, key, definition, position, created_at, updated_at)
                VALUES (\(tenantID.rawValue), \(definition.id.rawValue), \(definition.key), \(try Self.json(definition))::jsonb,
                        \(definition.position), \(now), \(now))
                """, logger: logger)
        }
    }

    func update(_ definition: CustomFieldDefinition) async throws {
        try await connection.query(
            """
            UPDATE custom_field_definitions SET definition = \(try Self.json(definition))::jsonb, position = \(definition.position),
                updated_at = \(Date())
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(definition.id.rawValue)
            """, logger: logger)
    }

    func forms() async throws -> [TicketForm] {
        try await documents(
            "SELECT form::text FROM ticket_forms WHERE tenant_id = \(tenantID.rawValue) ORDER BY position, key")
    }

    func insert(_ form: TicketForm, position: Int) async throws {
        let now = Date()
        try await translatingConstraintErrors(conflict: "key_taken", "a ticket form with key '\(form.key)' exists") {
            try await connection.query(
                """
                INSERT INTO ticket_forms (tenant_id, id, key, form, position, created_at, updated_at)
                VALUES (\(tenantID.rawValue), \(form.id.rawValue), \(form.key), \(try Self.json(form))::jsonb, \(position), \(now), \(now))
                """, logger: logger)
        }
    }

    func update(_ form: TicketForm) async throws {
        try await connection.query(
            """
            UPDATE ticket_forms SET form = \(try Self.json(form))::jsonb, updated_at = \(Date())
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(form.id.rawValue)
            """, logger: logger)
    }

    private func documents<T: Decodable>(_ query: PostgresQuery) async throws -> [T] {
        var result: [T] = []
        for try await text in try await connection.query(query, logger: logger).decode(String.self) {
            result.append(try JSONDecoder().decode(T.self, from: Data(text.utf8)))
        }
        return result
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
