import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Connectors of one tenant (their deliveries: `ConnectorPostgresRepository+Deliveries`).
struct ConnectorPostgresRepository: ConnectorRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        id, key, kind, name, enabled, settings::text, sealed_secrets, secrets_key_id, secret_names, events,
        rate_limit_per_minute, consecutive_failures, circuit_open_until, created_at, updated_at
        """

    func insert(_ stored: StoredConnector) async throws {
        let c = stored.connector
        try await translatingMailboxAddressConflict {
            try await connection.query(
                """
                INSERT INTO connectors (tenant_id, id, key, kind, name, enabled, settings, sealed_secrets, secrets_key_id,
                    secret_names, events, rate_limit_per_minute, created_at, updated_at)
                VALUES (\(tenantID.rawValue), \(c.id.rawValue), \(c.key), \(c.kind.rawValue), \(c.name), \(c.enabled),
                    \(TicketRow.json(c.settings))::jsonb, \(stored.sealedSecrets), \(stored.secretsKeyID), \(c.secretNames.sorted()),
                    \(c.events), \(c.rateLimitPerMinute), \(c.createdAt), \(c.updatedAt))
                """, logger: logger)
        }
    }

    func update(_ stored: StoredConnector) async throws {
        let c = stored.connector
        try await translatingMailboxAddressConflict {
            try await connection.query(
                """
                UPDATE connectors SET key = \(c.key), name = \(c.name), enabled = \(c.enabled),
                    settings = \(TicketRow.json(c.settings))::jsonb, sealed_secrets = \(stored.sealedSecrets),
                    secrets_key_id = \(stored.secretsKeyID), secret_names = \(c.secretNames.sorted()), events = \(c.events),
                    rate_limit_per_minute = \(c.rateLimitPerMinute), consecutive_failures = \(c.circuit.consecutiveFailures),
                    circuit_open_until = \(c.circuit.openUntil), updated_at = \(c.updatedAt)
                WHERE tenant_id = \(tenantID.rawValue) AND id = \(c.id.rawValue)
                """, logger: logger)
        }
    }

    /// A mailbox address taken by another mailbox (of any tenant) is a conflict naming the
    /// address; any other unique violation is the key's.
    private func translatingMailboxAddressConflict(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as PSQLError where error.sqlState == "23505" {
            if error.constraintName == "connectors_mailbox_address" {
                throw AppError(
                    .conflict, code: "mailbox_address_taken", message: "another mailbox receives this address",
                    field: "settings.address")
            }
            throw AppError(.conflict, code: "duplicate_key", message: "a connector with this key exists", field: "key")
        }
    }

    func delete(id: ConnectorID) async throws -> Bool {
        let rows = try await connection.query(
            "DELETE FROM connectors WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue) RETURNING id",
            logger: logger
        ).collect()
        return !rows.isEmpty
    }

    func find(id: ConnectorID) async throws -> StoredConnector? {
        try await select("WHERE tenant_id = $1 AND id = $2", [id.rawValue]).first
    }

    func find(key: String) async throws -> StoredConnector? {
        var binds = PostgresBindings()
        binds.append(tenantID.rawValue)
        binds.append(key)
        return try await select(
            PostgresQuery(
                unsafeSQL: "SELECT \(Self.columns) FROM connectors WHERE tenant_id = $1 AND key = $2", binds: binds)
        ).first
    }

    func list() async throws -> [StoredConnector] {
        var binds = PostgresBindings()
        binds.append(tenantID.rawValue)
        return try await select(
            PostgresQuery(
                unsafeSQL: "SELECT \(Self.columns) FROM connectors WHERE tenant_id = $1 ORDER BY key", binds: binds))
    }

    func subscribed(to eventType: String) async throws -> [StoredConnector] {
        var binds = PostgresBindings()
        binds.append(tenantID.rawValue)
        binds.append(eventType)
        return try await select(
            PostgresQuery(
                unsafeSQL:
                    "SELECT \(Self.columns) FROM connectors WHERE tenant_id = $1 AND enabled AND $2 = ANY(events) ORDER BY key",
                binds: binds))
    }

    func saveCircuit(_ circuit: ConnectorCircuit, of id: ConnectorID) async throws {
        try await connection.query(
            """
            UPDATE connectors SET consecutive_failures = \(circuit.consecutiveFailures), circuit_open_until = \(circuit.openUntil)
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)
            """, logger: logger)
    }

    func replaceSecrets(of id: ConnectorID, sealed: String, keyID: String) async throws {
        try await connection.query(
            """
            UPDATE connectors SET sealed_secrets = \(sealed), secrets_key_id = \(keyID)
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)
            """, logger: logger)
    }

    private func select(_ condition: String, _ ids: [UUID]) async throws -> [StoredConnector] {
        var binds = PostgresBindings()
        binds.append(tenantID.rawValue)
        for id in ids { binds.append(id) }
        return try await select(
            PostgresQuery(unsafeSQL: "SELECT \(Self.columns) FROM connectors \(condition)", binds: binds))
    }

    private func select(_ query: PostgresQuery) async throws -> [StoredConnector] {
        var result: [StoredConnector] = []
        for try await row in try await connection.query(query, logger: logger) {
            let r = row.makeRandomAccess()
            guard let kind = ConnectorKind(rawValue: try r[2].decode(String.self)) else { continue }
            let connector = Connector(
                id: ConnectorID(try r[0].decode(UUID.self)), tenantID: tenantID, key: try r[1].decode(String.self),
                kind: kind, name: try r[3].decode(String.self), enabled: try r[4].decode(Bool.self),
                settings: Self.object(try r[5].decode(String.self)), secretNames: Set(try r[8].decode([String].self)),
                events: try r[9].decode([String].self), rateLimitPerMinute: Int(try r[10].decode(Int32.self)),
                circuit: ConnectorCircuit(
                    consecutiveFailures: Int(try r[11].decode(Int32.self)), openUntil: try r[12].decode(Date?.self)),
                createdAt: try r[13].decode(Date.self), updatedAt: try r[14].decode(Date.self))
            result.append(
                StoredConnector(
                    connector: connector, sealedSecrets: try r[6].decode(String?.self),
                    secretsKeyID: try r[7].decode(String?.self)))
        }
        return result
    }

    static func object(_ text: String) -> [String: JSONValue] {
        (try? JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8))) ?? [:]
    }
}
