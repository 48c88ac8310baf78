import ConciergeCore
import ConciergeDomain
import Foundation
import PostgresNIO

extension ConnectorPostgresRepository {
    static let deliveryColumns = """
        id, connector_id, idempotency_key, event_type, ticket_id, message::text, status, attempts, request_summary,
        response_status, last_error, latency_ms, next_attempt_at, created_at, updated_at, delivered_at, result
        """

    func insert(_ delivery: ConnectorDelivery, job: Job, queue: String, causedBy event: EventID) async throws -> Bool {
        let jobJSON = String(decoding: try JSONEncoder().encode(job), as: UTF8.self)
        let rows = try await connection.query(
            """
            WITH delivery AS (
                INSERT INTO connector_deliveries (tenant_id, id, connector_id, idempotency_key, event_type, ticket_id,
                    message, status, created_at, updated_at)
                VALUES (\(tenantID.rawValue), \(delivery.id.rawValue), \(delivery.connectorID.rawValue),
                    \(delivery.idempotencyKey), \(delivery.eventType), \(delivery.ticketID?.rawValue),
                    \(TicketRow.json(delivery.message))::jsonb, \(delivery.status.rawValue), \(delivery.createdAt),
                    \(delivery.updatedAt))
                ON CONFLICT (tenant_id, connector_id, idempotency_key) DO NOTHING
                RETURNING tenant_id
            )
            INSERT INTO outbox (tenant_id, event_id, queue, job)
            SELECT tenant_id, \(event.rawValue), \(queue), \(jobJSON)::jsonb FROM delivery
            RETURNING id
            """, logger: logger
        ).collect()
        return !rows.isEmpty
    }

    func find(delivery id: ConnectorDeliveryID) async throws -> ConnectorDelivery? {
        var binds = PostgresBindings()
        binds.append(tenantID.rawValue)
        binds.append(id.rawValue)
        return try await deliveries(
            PostgresQuery(
                unsafeSQL: "SELECT \(Self.deliveryColumns) FROM connector_deliveries WHERE tenant_id = $1 AND id = $2",
                binds: binds)
        ).first
    }

    func find(idempotencyKey key: String, connector: ConnectorID) async throws -> ConnectorDelivery? {
        var binds = PostgresBindings()
        binds.append(tenantID.rawValue)
        binds.append(connector.rawValue)
        binds.append(key)
        return try await deliveries(
            PostgresQuery(
                unsafeSQL: """
                    SELECT \(Self.deliveryColumns) FROM connector_deliveries
                    WHERE tenant_id = $1 AND connector_id = $2 AND idempotency_key = $3
                    """, binds: binds)
        ).first
    }

    func deliveries(_ query: ConnectorDeliveryQuery) async throws -> [ConnectorDelivery] {
        var binds = PostgresBindings()
        binds.append(tenantID.rawValue)
        var conditions = ["tenant_id = $1"]
        if let connector = query.connectorID {
            binds.append(connector.rawValue)
            conditions.append("connector_id = $\(binds.count)")
        }
        if let ticket = query.ticketID {
            binds.append(ticket.rawValue)
            conditions.append("ticket_id = $\(binds.count)")
        }
        if !query.statuses.isEmpty {
            binds.append(query.statuses.map(\.rawValue))
            conditions.append("status = ANY($\(binds.count)::text[])")
        }
        if let before = query.before {
            binds.append(before.createdAt)
            binds.append(before.id.rawValue)
            conditions.append("(created_at, id) < ($\(binds.count - 1), $\(binds.count))")
        }
        binds.append(query.limit)
        return try await deliveries(
            PostgresQuery(
                unsafeSQL: """
                    SELECT \(Self.deliveryColumns) FROM connector_deliveries WHERE \(conditions.joined(separator: " AND "))
                    ORDER BY created_at DESC, id DESC LIMIT $\(binds.count)
                    """, binds: binds))
    }

    func claim(delivery id: ConnectorDeliveryID, until: Date, now: Date) async throws -> ConnectorDelivery? {
        var binds = PostgresBindings()
        binds.append(tenantID.rawValue)
        binds.append(id.rawValue)
        binds.append(until)
        binds.append(now)
        return try await deliveries(
            PostgresQuery(
                unsafeSQL: """
                    UPDATE connector_deliveries SET claimed_until = $3
                    WHERE tenant_id = $1 AND id = $2 AND status IN ('pending', 'retrying')
                      AND (claimed_until IS NULL OR claimed_until < $4)
                    RETURNING \(Self.deliveryColumns)
                    """, binds: binds)
        ).first
    }

    func recordAttempt(_ record: ConnectorAttemptRecord, of id: ConnectorDeliveryID) async throws {
        try await connection.query(
            """
            UPDATE connector_deliveries SET status = \(record.status.rawValue), attempts = attempts + 1,
                request_summary = coalesce(\(record.requestSummary), request_summary),
                response_status = \(record.responseStatus.map(Int32.init)), last_error = \(record.error),
                latency_ms = \(record.latencyMilliseconds.map(Int32.init)), next_attempt_at = \(record.nextAttemptAt),
                claimed_until = NULL, updated_at = \(record.at),
                delivered_at = CASE WHEN \(record.status.rawValue) = 'delivered' THEN \(record.at) ELSE delivered_at END,
                result = \(record.result.map { String($0.prefix(2000)) })
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)
            """, logger: logger)
    }

    func postpone(delivery id: ConnectorDeliveryID, until: Date) async throws {
        try await connection.query(
            """
            UPDATE connector_deliveries SET claimed_until = NULL, next_attempt_at = \(until)
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)
            """, logger: logger)
    }

    func reopen(delivery id: ConnectorDeliveryID, job: Job, queue: String, at: Date) async throws -> Bool {
        let jobJSON = String(decoding: try JSONEncoder().encode(job), as: UTF8.self)
        let rows = try await connection.query(
            """
            WITH reopened AS (
                UPDATE connector_deliveries SET status = 'pending', attempts = 0, next_attempt_at = NULL,
                    claimed_until = NULL, last_error = NULL, updated_at = \(at)
                WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue) AND status IN ('failed', 'quarantined')
                RETURNING tenant_id, id
            )
            INSERT INTO outbox (tenant_id, event_id, queue, job)
            SELECT tenant_id, id, \(queue), \(jobJSON)::jsonb FROM reopened
            RETURNING id
            """, logger: logger
        ).collect()
        return !rows.isEmpty
    }

    private func deliveries(_ query: PostgresQuery) async throws -> [ConnectorDelivery] {
        var result: [ConnectorDelivery] = []
        for try await row in try await connection.query(query, logger: logger) {
            let r = row.makeRandomAccess()
            guard let status = ConnectorDeliveryStatus(rawValue: try r[6].decode(String.self)) else { continue }
            result.append(
                ConnectorDelivery(
                    id: ConnectorDeliveryID(try r[0].decode(UUID.self)), tenantID: tenantID,
                    connectorID: ConnectorID(try r[1].decode(UUID.self)), idempotencyKey: try r[2].decode(String.self),
                    eventType: try r[3].decode(String.self), ticketID: try r[4].decode(UUID?.self).map(TicketID.init),
                    message: Self.object(try r[5].decode(String.self)), status: status,
                    attempts: Int(try r[7].decode(Int32.self)), requestSummary: try r[8].decode(String?.self),
                    responseStatus: try r[9].decode(Int32?.self).map(Int.init),
                    lastError: try r[10].decode(String?.self),
                    latencyMilliseconds: try r[11].decode(Int32?.self).map(Int.init),
                    nextAttemptAt: try r[12].decode(Date?.self), createdAt: try r[13].decode(Date.self),
                    updatedAt: try r[14].decode(Date.self), deliveredAt: try r[15].decode(Date?.self),
                    result: try r[16].decode(String?.self)))
        }
        return result
    }
}
