import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// External ids of inbound webhooks (`webhook_intake`) of one tenant.
struct WebhookIntakePostgresRepository: WebhookIntakeRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func ticket(of externalID: String, connector: ConnectorID) async throws -> TicketID?? {
        let rows = try await connection.query(
            """
            SELECT ticket_id FROM webhook_intake
            WHERE tenant_id = \(tenantID.rawValue) AND connector_id = \(connector.rawValue)
              AND external_id = \(externalID)
            """, logger: logger)
        for try await id in rows.decode(UUID?.self) { return .some(id.map(TicketID.init)) }
        return .none
    }

    func record(_ externalID: String, connector: ConnectorID, ticket: TicketID, at: Date) async throws -> Bool {
        let rows = try await connection.query(
            """
            INSERT INTO webhook_intake (tenant_id, connector_id, external_id, ticket_id, created_at)
            VALUES (\(tenantID.rawValue), \(connector.rawValue), \(externalID), \(ticket.rawValue), \(at))
            ON CONFLICT DO NOTHING RETURNING external_id
            """, logger: logger
        ).collect()
        return !rows.isEmpty
    }
}
