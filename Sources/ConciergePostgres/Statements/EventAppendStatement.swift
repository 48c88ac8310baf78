import ConciergeDomain
import Foundation
import PostgresNIO

/// Appends a domain event and its outbox rows in one statement (every change makes one). A
/// named prepared statement, parsed and planned once per connection.
struct EventAppendStatement: PostgresPreparedStatement {
    static let sql = """
        WITH event AS (
            INSERT INTO events (tenant_id, id, type, subject_type, subject_id, actor, data, occurred_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
            RETURNING tenant_id, id
        )
        INSERT INTO outbox (tenant_id, event_id, queue, job)
        SELECT event.tenant_id, event.id, message.queue, message.job::jsonb
        FROM event, unnest($9::text[], $10::text[]) AS message (queue, job)
        """
    typealias Row = ()

    let tenantID: TenantID
    let event: DomainEvent
    /// The event's data as JSON.
    let data: String
    /// Queue name and job JSON of each outbox row.
    let queues: [String]
    let jobs: [String]

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 10)
        bindings.append(tenantID.rawValue)
        bindings.append(event.id.rawValue)
        bindings.append(event.type)
        bindings.append(event.subjectType)
        bindings.append(event.subjectID)
        bindings.append(event.actor.description)
        bindings.append(data)
        bindings.append(event.occurredAt)
        bindings.append(queues)
        bindings.append(jobs)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws {}
}
