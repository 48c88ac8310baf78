import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Triggers, automations and automation markers of one tenant.
struct RulePostgresRepository: RuleRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    var triggerTable: ConfigurationDocumentTable {
        ConfigurationDocumentTable(
            name: "ticket_triggers", ordered: true, tenantID: tenantID, connection: connection, logger: logger)
    }
    var automationTable: ConfigurationDocumentTable {
        ConfigurationDocumentTable(
            name: "ticket_automations", ordered: true, tenantID: tenantID, connection: connection, logger: logger)
    }

    func triggers() async throws -> [Trigger] { try await triggerTable.all(Trigger.self).map(\.document) }

    func saveTrigger(_ trigger: Trigger, at date: Date) async throws -> Bool {
        try await triggerTable.save(trigger, key: trigger.key, position: trigger.position, at: date)
    }

    func deleteTrigger(key: String) async throws -> Bool { try await triggerTable.delete(key: key) }

    func automations() async throws -> [Automation] { try await automationTable.all(Automation.self).map(\.document) }

    func saveAutomation(_ automation: Automation, at date: Date) async throws -> Bool {
        try await automationTable.save(automation, key: automation.key, position: automation.position, at: date)
    }

    func deleteAutomation(key: String) async throws -> Bool { try await automationTable.delete(key: key) }

    func markers(of ticket: TicketID) async throws -> Set<String> {
        let rows = try await connection.query(
            """
            SELECT automation_key FROM automation_markers
            WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(ticket.rawValue)
            """, logger: logger)
        var keys: Set<String> = []
        for try await key in rows.decode(String.self) { keys.insert(key) }
        return keys
    }

    func updateMarkers(of ticket: TicketID, adding: [String], removing: [String], at date: Date) async throws {
        if !removing.isEmpty {
            try await connection.query(
                """
                DELETE FROM automation_markers WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(ticket.rawValue)
                  AND automation_key = ANY(\(removing)::text[])
                """, logger: logger)
        }
        if !adding.isEmpty {
            try await connection.query(
                """
                INSERT INTO automation_markers (tenant_id, ticket_id, automation_key, fired_at)
                SELECT \(tenantID.rawValue), \(ticket.rawValue), key, \(date) FROM unnest(\(adding)::text[]) AS key
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
    }

    func unsolvedTickets(after cursor: TicketID?, limit: Int) async throws -> [Ticket] {
        try await TicketRow.tickets(
            connection.query(
                """
                SELECT \(unescaped: TicketRow.columns) FROM tickets
                WHERE tenant_id = \(tenantID.rawValue) AND status IN ('new', 'open', 'pending', 'on_hold')
                  AND (\(cursor?.rawValue)::uuid IS NULL OR id > \(cursor?.rawValue)::uuid)
                ORDER BY id LIMIT \(limit)
                """, logger: logger), tenant: tenantID)
    }
}

/// The scheduler's cross-tenant view of who has automations, through `automation_tenants`.
public struct AutomationPostgresTenants: AutomationTenants {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func tenantsWithAutomations() async throws -> [TenantID] {
        let rows = try await client.query("SELECT tenant_id FROM automation_tenants()", logger: logger)
        var tenants: [TenantID] = []
        for try await id in rows.decode(UUID.self) { tenants.append(TenantID(id)) }
        return tenants
    }
}
