import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Report counts over one tenant's tickets, SLA targets and surveys. Each count reads one of
/// the indexes migration 0020 made for it, so a tenant's last 30 days cost a range scan, not
/// a pass over all its tickets.
struct ReportingPostgresRepository: ReportingRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func unsolvedBacklog() async throws -> [TicketStatus: Int] {
        let rows = try await connection.query(
            """
            SELECT status, count(*) FROM tickets
            WHERE tenant_id = \(tenantID.rawValue) AND status IN ('new', 'open', 'pending', 'on_hold')
            GROUP BY status
            """, logger: logger)
        var backlog: [TicketStatus: Int] = [:]
        for try await (status, count) in rows.decode((String, Int64).self) {
            if let status = TicketStatus(rawValue: status) { backlog[status] = Int(count) }
        }
        return backlog
    }

    func createdPerBucket(bounds: [Date]) async throws -> [Int: [String: Int]] {
        guard let first = bounds.first, let last = bounds.last, bounds.count > 1 else { return [:] }
        let rows = try await connection.query(
            """
            SELECT width_bucket(created_at, \(bounds)::timestamptz[]), channel, count(*) FROM tickets
            WHERE tenant_id = \(tenantID.rawValue) AND created_at >= \(first) AND created_at < \(last)
            GROUP BY 1, 2
            """, logger: logger)
        var buckets: [Int: [String: Int]] = [:]
        for try await (bucket, channel, count) in rows.decode((Int32, String, Int64).self) {
            buckets[Int(bucket), default: [:]][channel] = Int(count)
        }
        return buckets
    }

    func solvedPerBucket(bounds: [Date]) async throws -> [Int: Int] {
        guard let first = bounds.first, let last = bounds.last, bounds.count > 1 else { return [:] }
        let rows = try await connection.query(
            """
            SELECT width_bucket(solved_at, \(bounds)::timestamptz[]), count(*) FROM tickets
            WHERE tenant_id = \(tenantID.rawValue) AND solved_at >= \(first) AND solved_at < \(last)
            GROUP BY 1
            """, logger: logger)
        var buckets: [Int: Int] = [:]
        for try await (bucket, count) in rows.decode((Int32, Int64).self) {
            buckets[Int(bucket)] = Int(count)
        }
        return buckets
    }

    func firstReplyOutcomes(from start: Date, to end: Date) async throws -> SLAOutcomeTally {
        let rows = try await connection.query(
            """
            SELECT
                (SELECT count(*) FROM ticket_sla_targets
                 WHERE tenant_id = \(tenantID.rawValue) AND metric = 'first_reply' AND breached_at IS NULL
                   AND fulfilled_at >= \(start) AND fulfilled_at < \(end)),
                (SELECT count(*) FROM ticket_sla_targets
                 WHERE tenant_id = \(tenantID.rawValue) AND metric = 'first_reply'
                   AND breached_at >= \(start) AND breached_at < \(end))
                + (SELECT count(*) FROM ticket_sla_targets
                   WHERE tenant_id = \(tenantID.rawValue) AND metric = 'first_reply' AND breached_at IS NULL
                     AND fulfilled_at IS NULL AND breach_fired_at IS NULL AND status <> 'paused'
                     AND target_at >= \(start) AND target_at < \(end))
            """, logger: logger)
        for try await (met, missed) in rows.decode((Int64, Int64).self) {
            return SLAOutcomeTally(met: Int(met), missed: Int(missed))
        }
        return SLAOutcomeTally(met: 0, missed: 0)
    }

    func satisfaction(from start: Date, to end: Date) async throws -> SatisfactionTally {
        let rows = try await connection.query(
            """
            SELECT rating::int8, count(*) FROM satisfaction_surveys
            WHERE tenant_id = \(tenantID.rawValue) AND kind = 'csat' AND answered_at >= \(start)
              AND answered_at < \(end) AND rating IS NOT NULL
            GROUP BY rating
            """, logger: logger)
        var counts: [Int: Int] = [:]
        for try await (rating, count) in rows.decode((Int64, Int64).self) {
            counts[Int(rating)] = Int(count)
        }
        return SatisfactionTally(counts: counts)
    }
}
