import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Calendars, SLA policies and ticket SLA targets of one tenant.
struct ServiceLevelPostgresRepository: ServiceLevelRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func calendars() async throws -> [String: BusinessCalendar] {
        let rows = try await connection.query(
            "SELECT key, definition::text FROM business_calendars WHERE tenant_id = \(tenantID.rawValue)",
            logger: logger)
        var calendars: [String: BusinessCalendar] = [:]
        for try await (key, json) in rows.decode((String, String).self) {
            calendars[key] = try JSONDecoder().decode(BusinessCalendar.self, from: Data(json.utf8))
        }
        return calendars
    }

    func saveCalendar(_ calendar: BusinessCalendar, key: String, at date: Date) async throws -> Bool {
        try await upsert(table: "business_calendars", key: key, position: nil, json: try Self.json(calendar), at: date)
    }

    func deleteCalendar(key: String) async throws -> Bool {
        try await delete(table: "business_calendars", key: key)
    }

    func policies() async throws -> [SLAPolicy] {
        let rows = try await connection.query(
            "SELECT definition::text FROM sla_policies WHERE tenant_id = \(tenantID.rawValue) ORDER BY position, key",
            logger: logger)
        var policies: [SLAPolicy] = []
        for try await json in rows.decode(String.self) {
            policies.append(try JSONDecoder().decode(SLAPolicy.self, from: Data(json.utf8)))
        }
        return policies
    }

    func savePolicy(_ policy: SLAPolicy, at date: Date) async throws -> Bool {
        try await upsert(
            table: "sla_policies", key: policy.key, position: policy.position, json: try Self.json(policy), at: date)
    }

    func deletePolicy(key: String) async throws -> Bool {
        try await delete(table: "sla_policies", key: key)
    }

    /// Inserts or replaces a configuration document; `true` when it was new.
    private func upsert(table: String, key: String, position: Int?, json: String, at date: Date) async throws -> Bool {
        // `table` is one of this file's fixed names, never input.
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO \(table) (tenant_id, key, \(position == nil ? "" : "position, ")definition, created_at, updated_at)
                    VALUES ($1, $2, \(position == nil ? "" : "$5, ")$3::jsonb, $4, $4)
                    ON CONFLICT (tenant_id, key) DO UPDATE SET definition = EXCLUDED.definition,
                        \(position == nil ? "" : "position = EXCLUDED.position, ")updated_at = EXCLUDED.updated_at
                    RETURNING (xmax = 0)
                    """,
                binds: try Self.binds(tenantID.rawValue, key, json, date, position)), logger: logger)
        for try await inserted in rows.decode(Bool.self) { return inserted }
        return false
    }

    private func delete(table: String, key: String) async throws -> Bool {
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: "DELETE FROM \(table) WHERE tenant_id = $1 AND key = $2 RETURNING key",
                binds: try Self.binds(tenantID.rawValue, key)), logger: logger
        ).collect()
        return !rows.isEmpty
    }

    private static func binds(_ tenant: UUID, _ key: String, _ rest: (any PostgresEncodable & Sendable)?...) throws
        -> PostgresBindings
    {
        var binds = PostgresBindings()
        try binds.append(tenant)
        try binds.append(key)
        for value in rest {
            guard let value else { continue }
            try binds.append(value)
        }
        return binds
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
