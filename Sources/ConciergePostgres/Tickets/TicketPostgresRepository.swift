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

    func assignmentTargets(assignee: UserID?, group: GroupID?) async throws -> AssignmentTargets {
        let statement = AssignmentTargetsStatement(tenantID: tenantID, assignee: assignee, group: group)
        for try await (status, groupExists) in try await connection.execute(statement, logger: logger) {
            return AssignmentTargets(
                assigneeStatus: status.flatMap(UserStatus.init(rawValue:)), groupExists: groupExists)
        }
        return AssignmentTargets(assigneeStatus: nil, groupExists: false)
    }

    func insert(_ ticket: Ticket, searchDocument: String) async throws {
        try await connection.execute(
            TicketInsertStatement(tenantID: tenantID, ticket: ticket, searchDocument: searchDocument), logger: logger)
    }

    func find(id: TicketID) async throws -> Ticket? {
        try await fetch(
            "SELECT \(unescaped: TicketRow.columns) FROM tickets WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)"
        ).first
    }

    func versions(of ids: [TicketID]) async throws -> [TicketID: Int] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await connection.query(
            "SELECT id, version FROM tickets WHERE tenant_id = \(tenantID.rawValue) AND id = ANY(\(ids.map(\.rawValue)))",
            logger: logger)
        var versions: [TicketID: Int] = [:]
        for try await (id, version) in rows.decode((UUID, Int32).self) { versions[TicketID(id)] = Int(version) }
        return versions
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
