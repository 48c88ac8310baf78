import ConciergeDomain
import PostgresNIO

/// Inserts a ticket. A named prepared statement: parsed and planned once per connection, not
/// on every create (planning was the largest part of Postgres' work per ticket).
struct TicketInsertStatement: PostgresPreparedStatement {
    static let sql = """
        INSERT INTO tickets (tenant_id, id, number, subject, description, status, priority, type, channel, requester_id,
            organization_id, assignee_id, group_id, follower_ids, tags, custom_fields, due_at, parent_id, created_at,
            updated_at, version, form_key, asset_id, search_vector)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17, $18, $19, $20, $21,
            $22, $23, to_tsvector('simple', $24))
        """
    typealias Row = ()

    let tenantID: TenantID
    let ticket: Ticket
    let searchDocument: String

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 24)
        bindings.append(tenantID.rawValue)
        bindings.append(ticket.id.rawValue)
        bindings.append(ticket.number)
        bindings.append(ticket.subject)
        bindings.append(ticket.description)
        bindings.append(ticket.status.rawValue)
        bindings.append(ticket.priority.rawValue)
        bindings.append(ticket.type.rawValue)
        bindings.append(ticket.channel.rawValue)
        bindings.append(ticket.requesterID.rawValue)
        bindings.append(ticket.organizationID?.rawValue)
        bindings.append(ticket.assigneeID?.rawValue)
        bindings.append(ticket.groupID?.rawValue)
        bindings.append(ticket.followerIDs.map(\.rawValue))
        bindings.append(ticket.tags)
        bindings.append(TicketRow.json(ticket.customFields))
        bindings.append(ticket.dueAt)
        bindings.append(ticket.parentID?.rawValue)
        bindings.append(ticket.createdAt)
        bindings.append(ticket.updatedAt)
        bindings.append(ticket.version)
        bindings.append(ticket.formKey)
        bindings.append(ticket.assetID?.rawValue)
        bindings.append(searchDocument)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws {}
}
