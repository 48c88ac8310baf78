import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

extension ServiceLevelPostgresRepository {
    static let targetColumns = """
        policy_key, metric, status, started_at, target_at, warning_at, fulfilled_at, breached_at, paused_seconds,
        warning_fired_at, breach_fired_at
        """
    typealias TargetRow = (String, String, String, Date, Date, Date?, Date?, Date?, Double, Date?, Date?)

    func targets(of ticket: TicketID) async throws -> [StoredSLATarget] {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: Self.targetColumns) FROM ticket_sla_targets
            WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(ticket.rawValue) ORDER BY metric
            """, logger: logger)
        var targets: [StoredSLATarget] = []
        for try await row in rows.decode(TargetRow.self) {
            guard let metric = SLAMetric(rawValue: row.1), let status = SLAMetricState.Status(rawValue: row.2) else {
                continue
            }
            let state = SLAMetricState(
                metric: metric, status: status, target: SLATarget(minutes: 0), startedAt: row.3, targetAt: row.4,
                warningAt: row.5 ?? row.4, fulfilledAt: row.6, breachedAt: row.7, elapsed: 0, pausedDuration: row.8)
            targets.append(
                StoredSLATarget(policyKey: row.0, state: state, warningFiredAt: row.9, breachFiredAt: row.10))
        }
        return targets
    }

    func replaceTargets(of ticket: TicketID, policyKey: String?, states: [SLAMetricState], at date: Date)
        async throws
    {
        let metrics = states.map(\.metric.rawValue)
        try await connection.query(
            """
            DELETE FROM ticket_sla_targets
            WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(ticket.rawValue)
              AND (\(policyKey)::text IS NULL OR policy_key <> \(policyKey)::text OR NOT (metric = ANY(\(metrics)::text[])))
            """, logger: logger)
        for state in states {
            guard let policyKey else { break }
            // A new cycle (next reply starts again) or a moved deadline re-arms what already fired.
            try await connection.query(
                """
                INSERT INTO ticket_sla_targets (tenant_id, ticket_id, metric, policy_key, status, started_at, target_at,
                    warning_at, fulfilled_at, breached_at, paused_seconds, computed_at)
                VALUES (\(tenantID.rawValue), \(ticket.rawValue), \(state.metric.rawValue), \(policyKey),
                    \(state.status.rawValue), \(state.startedAt), \(state.targetAt), \(state.warningAt), \(state.fulfilledAt),
                    \(state.breachedAt), \(state.pausedDuration), \(date))
                ON CONFLICT (tenant_id, ticket_id, metric) DO UPDATE SET
                    status = EXCLUDED.status, target_at = EXCLUDED.target_at, warning_at = EXCLUDED.warning_at,
                    fulfilled_at = EXCLUDED.fulfilled_at, breached_at = EXCLUDED.breached_at,
                    paused_seconds = EXCLUDED.paused_seconds, computed_at = EXCLUDED.computed_at,
                    started_at = EXCLUDED.started_at,
                    warning_fired_at = CASE WHEN ticket_sla_targets.started_at = EXCLUDED.started_at
                        AND EXCLUDED.warning_at <= ticket_sla_targets.warning_at + interval '1 second'
                        THEN ticket_sla_targets.warning_fired_at END,
                    breach_fired_at = CASE WHEN ticket_sla_targets.started_at = EXCLUDED.started_at
                        AND (EXCLUDED.breached_at IS NOT NULL
                             OR EXCLUDED.target_at <= ticket_sla_targets.target_at + interval '1 second')
                        THEN ticket_sla_targets.breach_fired_at END
                """, logger: logger)
        }
        try await connection.query(
            """
            WITH next AS (
                SELECT min(target_at) AS breach_at FROM ticket_sla_targets
                WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(ticket.rawValue) AND fulfilled_at IS NULL
                  AND status <> 'paused')
            UPDATE tickets t SET sla_breach_at = next.breach_at FROM next
            WHERE t.tenant_id = \(tenantID.rawValue) AND t.id = \(ticket.rawValue)
              AND t.sla_breach_at IS DISTINCT FROM next.breach_at
            """, logger: logger)
    }

    func due(at now: Date, limit: Int) async throws -> [DueSLA] {
        let rows = try await connection.query(
            """
            SELECT d.ticket_id, d.metric, d.kind, d.due_at, d.target_at, t.version::int8, t.updated_at > d.computed_at
            FROM (
                (SELECT ticket_id, metric, 'breach' AS kind, target_at AS due_at, target_at, computed_at
                 FROM ticket_sla_targets
                 WHERE tenant_id = \(tenantID.rawValue) AND fulfilled_at IS NULL AND breach_fired_at IS NULL
                   AND status <> 'paused' AND target_at <= \(now)
                 ORDER BY target_at LIMIT \(limit))
                UNION ALL
                (SELECT ticket_id, metric, 'warning', warning_at, target_at, computed_at FROM ticket_sla_targets
                 WHERE tenant_id = \(tenantID.rawValue) AND fulfilled_at IS NULL AND warning_fired_at IS NULL
                   AND breach_fired_at IS NULL AND status <> 'paused' AND warning_at <= \(now)
                 ORDER BY warning_at LIMIT \(limit))
            ) d JOIN tickets t ON t.tenant_id = \(tenantID.rawValue) AND t.id = d.ticket_id
            """, logger: logger)
        var due: [DueSLA] = []
        for try await (ticket, metric, kind, at, target, version, stale) in rows.decode(
            (UUID, String, String, Date, Date, Int64, Bool).self)
        {
            guard let metric = SLAMetric(rawValue: metric), let kind = DueSLA.Kind(rawValue: kind) else { continue }
            due.append(
                DueSLA(
                    ticketID: TicketID(ticket), metric: metric, kind: kind, dueAt: at, targetAt: target,
                    ticketVersion: Int(version), isStale: stale))
        }
        return due
    }

    func markFired(_ items: [DueSLA], at now: Date) async throws -> [DueSLA] {
        guard !items.isEmpty else { return [] }
        // A breach marks its warning too; a warning is marked only while no breach fired.
        let rows = try await connection.query(
            """
            UPDATE ticket_sla_targets s SET
                breach_fired_at = CASE WHEN i.kind = 'breach' THEN \(now) ELSE s.breach_fired_at END,
                warning_fired_at = COALESCE(s.warning_fired_at, \(now))
            FROM unnest(\(items.map(\.ticketID.rawValue))::uuid[], \(items.map(\.metric.rawValue))::text[],
                        \(items.map(\.kind.rawValue))::text[]) AS i (ticket_id, metric, kind)
            WHERE s.tenant_id = \(tenantID.rawValue) AND s.ticket_id = i.ticket_id AND s.metric = i.metric
              AND s.breach_fired_at IS NULL AND (i.kind = 'breach' OR s.warning_fired_at IS NULL)
            RETURNING s.ticket_id, s.metric, i.kind
            """, logger: logger)
        var marked: Set<String> = []
        for try await (ticket, metric, kind) in rows.decode((UUID, String, String).self) {
            marked.insert("\(ticket)|\(metric)|\(kind)")
        }
        return items.filter { marked.contains("\($0.ticketID.rawValue)|\($0.metric.rawValue)|\($0.kind.rawValue)") }
    }
}

/// The scheduler's cross-tenant view of what is due, through `sla_due_tenants` (migration 0011).
public struct SLADuePostgresTenants: SLADueTenants {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func tenants(withDueBy date: Date, limit: Int) async throws -> [TenantID] {
        let rows = try await client.query(
            "SELECT tenant_id FROM sla_due_tenants(\(date), \(limit)::int4)", logger: logger)
        var tenants: [TenantID] = []
        for try await id in rows.decode(UUID.self) { tenants.append(TenantID(id)) }
        return tenants
    }
}
