import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Tickets of one tenant.
struct TicketPostgresRepository: TicketRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func nextNumber() async throws -> Int64 {
        let rows = try await connection.query(
            """
            INSERT INTO ticket_counters (tenant_id, last_number) VALUES (\(tenantID.rawValue), 1001)
            ON CONFLICT (tenant_id) DO UPDATE SET last_number = ticket_counters.last_number + 1
            RETURNING last_number
            """, logger: logger)
        for try await number in rows.decode(Int64.self) { return number }
        throw AppError(.unavailable, code: "numbering_failed", message: "could not allocate a ticket number")
    }

    func insert(_ ticket: Ticket, searchDocument: String) async throws {
        try await connection.query(
            """
            INSERT INTO tickets (tenant_id, id, number, subject, description, status, priority, type, channel, requester_id,
                organization_id, assignee_id, group_id, follower_ids, tags, custom_fields, due_at, parent_id, created_at,
                updated_at, version, form_key, asset_id, search_vector)
            VALUES (\(tenantID.rawValue), \(ticket.id.rawValue), \(ticket.number), \(ticket.subject), \(ticket.description),
                \(ticket.status.rawValue), \(ticket.priority.rawValue), \(ticket.type.rawValue), \(ticket.channel.rawValue),
                \(ticket.requesterID.rawValue), \(ticket.organizationID?.rawValue), \(ticket.assigneeID?.rawValue),
                \(ticket.groupID?.rawValue), \(ticket.followerIDs.map(\.rawValue)), \(ticket.tags),
                \(TicketRow.json(ticket.customFields))::jsonb, \(ticket.dueAt), \(ticket.parentID?.rawValue), \(ticket.createdAt),
                \(ticket.updatedAt), \(ticket.version), \(ticket.formKey), \(ticket.assetID?.rawValue),
                to_tsvector('simple', \(searchDocument)))
            """, logger: logger)
    }

    func find(id: TicketID) async throws -> Ticket? {
        try await fetch(
            "SELECT \(unescaped: TicketRow.columns) FROM tickets WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)"
        ).first
    }

    func find(number: Int64) async throws -> Ticket? {
        try await fetch(
            "SELECT \(unescaped: TicketRow.columns) FROM tickets WHERE tenant_id = \(tenantID.rawValue) AND number = \(number)"
        ).first
    }

    func lock(id: TicketID) async throws -> Ticket? {
        try await fetch(
            "SELECT \(unescaped: TicketRow.columns) FROM tickets WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue) FOR UPDATE"
        ).first
    }

    func update(_ ticket: Ticket, searchDocument: String?) async throws {
        try await connection.query(
            """
            UPDATE tickets SET subject = \(ticket.subject), status = \(ticket.status.rawValue), priority = \(ticket.priority.rawValue),
                type = \(ticket.type.rawValue), organization_id = \(ticket.organizationID?.rawValue),
                assignee_id = \(ticket.assigneeID?.rawValue), group_id = \(ticket.groupID?.rawValue),
                follower_ids = \(ticket.followerIDs.map(\.rawValue)), tags = \(ticket.tags),
                custom_fields = \(TicketRow.json(ticket.customFields))::jsonb, due_at = \(ticket.dueAt),
                merged_into_id = \(ticket.mergedIntoID?.rawValue), updated_at = \(ticket.updatedAt),
                first_response_at = \(ticket.firstResponseAt), solved_at = \(ticket.solvedAt), closed_at = \(ticket.closedAt),
                version = \(ticket.version), asset_id = \(ticket.assetID?.rawValue),
                search_vector = COALESCE(to_tsvector('simple', \(searchDocument)::text), search_vector)
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(ticket.id.rawValue)
            """, logger: logger)
    }

    func list(_ query: TicketQuery) async throws -> TicketPage {
        let statement = try TicketQuerySQL(query: query, tenant: tenantID).statement()
        let tickets = try await TicketRow.tickets(
            try await connection.query(statement.query, logger: logger), tenant: tenantID)
        let page = Array(tickets.prefix(query.limit))
        let next = tickets.count > query.limit ? page.last.map { statement.cursor($0) } : nil
        return TicketPage(tickets: page, nextCursor: next)
    }

    func count(_ query: TicketQuery, cap: Int) async throws -> Int {
        let statement = try TicketQuerySQL(query: query, tenant: tenantID).count(cap: cap)
        for try await count in try await connection.query(statement, logger: logger).decode(Int64.self) {
            return Int(count)
        }
        return 0
    }

    func children(of parent: TicketID) async throws -> [Ticket] {
        try await fetch(
            """
            SELECT \(unescaped: TicketRow.columns) FROM tickets
            WHERE tenant_id = \(tenantID.rawValue) AND parent_id = \(parent.rawValue) ORDER BY number
            """)
    }

    private func fetch(_ query: PostgresQuery) async throws -> [Ticket] {
        try await TicketRow.tickets(try await connection.query(query, logger: logger), tenant: tenantID)
    }
}
