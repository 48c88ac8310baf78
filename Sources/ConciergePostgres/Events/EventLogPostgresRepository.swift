import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// The append-only event log and the outbox of one tenant, written in the caller's transaction.
struct EventLogPostgresRepository: EventLog {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func append(_ event: DomainEvent, outbox: [OutboxMessage]) async throws {
        let data = String(decoding: try JSONEncoder.sorted.encode(event.data), as: UTF8.self)
        let jobs = try outbox.map { String(decoding: try JSONEncoder.sorted.encode($0.job), as: UTF8.self) }
        try await connection.execute(
            EventAppendStatement(
                tenantID: tenantID, event: event, data: data, queues: outbox.map(\.queue), jobs: jobs),
            logger: logger)
    }

    func append(_ entries: [(event: DomainEvent, outbox: [OutboxMessage])]) async throws {
        guard !entries.isEmpty else { return }
        let events = entries.map(\.event)
        let data = try events.map { String(decoding: try JSONEncoder.sorted.encode($0.data), as: UTF8.self) }
        let messages = entries.flatMap { entry in entry.outbox.map { (entry.event.id.rawValue, $0) } }
        let jobs = try messages.map { String(decoding: try JSONEncoder.sorted.encode($0.1.job), as: UTF8.self) }
        try await connection.query(
            """
            WITH inserted AS (
                INSERT INTO events (tenant_id, id, type, subject_type, subject_id, actor, data, occurred_at)
                SELECT \(tenantID.rawValue), e.id, e.type, e.subject_type, e.subject_id, e.actor, e.data::jsonb, e.occurred_at
                FROM unnest(\(events.map(\.id.rawValue))::uuid[], \(events.map(\.type))::text[],
                            \(events.map(\.subjectType))::text[], \(events.map(\.subjectID))::text[],
                            \(events.map(\.actor.description))::text[], \(data)::text[],
                            \(events.map(\.occurredAt))::timestamptz[])
                    AS e (id, type, subject_type, subject_id, actor, data, occurred_at)
                RETURNING id
            )
            INSERT INTO outbox (tenant_id, event_id, queue, job)
            SELECT \(tenantID.rawValue), m.event_id, m.queue, m.job::jsonb
            FROM unnest(\(messages.map(\.0))::uuid[], \(messages.map(\.1.queue))::text[], \(jobs)::text[])
                AS m (event_id, queue, job)
            WHERE m.event_id IN (SELECT id FROM inserted)
            """, logger: logger)
    }

    func list(before cursor: Int64?, limit: Int, subjectType: String?, subjectID: String?) async throws
        -> [RecordedEvent]
    {
        try await decode(
            connection.query(
                """
                SELECT seq, id, type, subject_type, subject_id, actor, data::text, occurred_at FROM events
                WHERE tenant_id = \(tenantID.rawValue)
                  AND (\(cursor)::int8 IS NULL OR seq < \(cursor)::int8)
                  AND (\(subjectType)::text IS NULL OR subject_type = \(subjectType)::text)
                  AND (\(subjectID)::text IS NULL OR subject_id = \(subjectID)::text)
                ORDER BY seq DESC LIMIT \(limit)
                """, logger: logger))
    }

    func find(id: EventID) async throws -> RecordedEvent? {
        try await decode(
            connection.query(
                """
                SELECT seq, id, type, subject_type, subject_id, actor, data::text, occurred_at FROM events
                WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)
                """, logger: logger)
        ).first
    }

    func history(subjectType: String, subjectID: String) async throws -> [RecordedEvent] {
        try await decode(
            connection.query(
                """
                SELECT seq, id, type, subject_type, subject_id, actor, data::text, occurred_at FROM events
                WHERE tenant_id = \(tenantID.rawValue) AND subject_type = \(subjectType) AND subject_id = \(subjectID)
                ORDER BY seq
                """, logger: logger))
    }

    private func decode(_ rows: PostgresRowSequence) async throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        for try await row in rows.decode((Int64, UUID, String, String, String, String, String, Date).self) {
            let data = (try? JSONDecoder().decode([String: JSONValue].self, from: Data(row.6.utf8))) ?? [:]
            let event = DomainEvent(
                id: EventID(row.1), tenantID: tenantID, type: row.2, subjectType: row.3, subjectID: row.4,
                actor: Actor(row.5) ?? .system("unknown"), data: data, occurredAt: row.7)
            events.append(RecordedEvent(sequence: row.0, event: event))
        }
        return events
    }
}

extension JSONEncoder {
    /// Deterministic output (sorted keys) so stored JSON diffs cleanly.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
