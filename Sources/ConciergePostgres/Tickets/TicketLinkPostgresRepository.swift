import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Related links of one tenant, stored once with the smaller id first.
struct TicketLinkPostgresRepository: TicketLinkRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func link(_ a: TicketID, _ b: TicketID, by actor: Actor) async throws -> Bool {
        let (low, high) = Self.ordered(a, b)
        return
            !(try await connection.query(
                """
                INSERT INTO ticket_links (tenant_id, ticket_id, related_id, created_by, created_at)
                VALUES (\(tenantID.rawValue), \(low), \(high), \(actor.description), \(Date()))
                ON CONFLICT DO NOTHING RETURNING 1
                """, logger: logger
            ).collect().isEmpty)
    }

    func unlink(_ a: TicketID, _ b: TicketID) async throws -> Bool {
        let (low, high) = Self.ordered(a, b)
        return
            !(try await connection.query(
                """
                DELETE FROM ticket_links WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(low) AND related_id = \(high)
                RETURNING 1
                """, logger: logger
            ).collect().isEmpty)
    }

    func related(to ticket: TicketID) async throws -> [TicketID] {
        let rows = try await connection.query(
            """
            SELECT related_id FROM ticket_links WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(ticket.rawValue)
            UNION SELECT ticket_id FROM ticket_links WHERE tenant_id = \(tenantID.rawValue) AND related_id = \(ticket.rawValue)
            """, logger: logger)
        var ids: [TicketID] = []
        for try await id in rows.decode(UUID.self) { ids.append(TicketID(id)) }
        return ids
    }

    /// Postgres compares uuids bytewise, like this.
    static func ordered(_ a: TicketID, _ b: TicketID) -> (UUID, UUID) {
        let x = a.rawValue
        let y = b.rawValue
        return withUnsafeBytes(of: x.uuid, { Array($0) }).lexicographicallyPrecedes(
            withUnsafeBytes(of: y.uuid, { Array($0) }))
            ? (x, y) : (y, x)
    }
}
