import ConciergeCore
import ConciergeDomain
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import PostgresNIO
import Testing

@testable import ConciergePostgres

/// The supervisor dashboard's counts against the real database: days in the tenant's zone,
/// only the tenant's own rows, and figures kept for a minute.
@Suite struct SupervisorDashboardTests {
    static let actor = Actor.system("test")
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    /// 2026-11-24 10:00 in Shanghai.
    static let now = try! Date("2026-11-24T02:00:00Z", strategy: .iso8601)

    /// Shanghai local time on `day` of November 2026 as an instant.
    static func local(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        try! Date(String(format: "2026-11-%02dT%02d:%02d:00+08:00", day, hour, minute), strategy: .iso8601)
    }

    /// A ticket of `tenant` placed at `created` (and solved at `solved`) with `status`.
    static func ticket(
        _ platform: Platform, _ tenant: TenantID, channel: TicketChannel, status: TicketStatus, created: Date,
        solved: Date? = nil
    ) async throws -> Ticket {
        let ticket = try await platform.tickets.create(
            NewTicket(
                subject: "打印机卡纸", description: "第二个纸盒",
                requester: .contact(email: "wang@example.cn", phone: nil, name: "王"), channel: channel),
            actor: actor, tenant: tenant)
        try await sql(platform, tenant) { connection in
            try await connection.query(
                """
                UPDATE tickets SET created_at = \(created), status = \(status.rawValue), solved_at = \(solved)
                WHERE tenant_id = \(tenant.rawValue) AND id = \(ticket.id.rawValue)
                """, logger: platform.logger)
        }
        return ticket
    }

    /// Runs `body` on a connection scoped to `tenant`, as the application's transactions are.
    static func sql(
        _ platform: Platform, _ tenant: TenantID, _ body: @Sendable (PostgresConnection) async throws -> Void
    ) async throws {
        try await platform.postgres.transaction(logger: platform.logger) { connection in
            _ = try await connection.execute(TenantScopeStatement(tenantID: tenant), logger: platform.logger)
            try await body(connection)
        }
    }

    static func firstReplyTarget(
        _ platform: Platform, _ tenant: TenantID, _ ticket: Ticket, status: String, target: Date,
        fulfilled: Date? = nil, breached: Date? = nil
    ) async throws {
        try await sql(platform, tenant) { connection in
            try await connection.query(
                """
                INSERT INTO ticket_sla_targets (tenant_id, ticket_id, metric, policy_key, status, started_at, target_at,
                    fulfilled_at, breached_at, computed_at)
                VALUES (\(tenant.rawValue), \(ticket.id.rawValue), 'first_reply', 'standard', \(status),
                        \(target.addingTimeInterval(-3600)), \(target), \(fulfilled), \(breached), \(target))
                ON CONFLICT (tenant_id, ticket_id, metric) DO UPDATE SET status = EXCLUDED.status,
                    target_at = EXCLUDED.target_at, fulfilled_at = EXCLUDED.fulfilled_at, breached_at = EXCLUDED.breached_at
                """, logger: platform.logger)
        }
    }

    static func rating(_ platform: Platform, _ tenant: TenantID, _ ticket: Ticket, _ rating: Int, at: Date)
        async throws
    {
        try await sql(platform, tenant) { connection in
            try await connection.query(
                """
                INSERT INTO satisfaction_surveys (tenant_id, id, kind, ticket_id, customer_id, send_at, expires_at,
                    sent_at, answered_at, rating, created_at)
                VALUES (\(tenant.rawValue), \(UUID()), 'csat', \(ticket.id.rawValue), \(ticket.requesterID.rawValue),
                        \(at), \(at.addingTimeInterval(86400)), \(at), \(at), \(rating), \(at))
                """, logger: platform.logger)
        }
    }

    @Test func figuresCountTheTenantsDaysInItsTimeZoneAndNothingOfOtherTenants() async throws {
        try await withTestPlatform { platform in
            let tenant = try await platform.makeTenant().tenant.id
            let other = try await platform.makeTenant().tenant.id
            // today 09:00 and 00:30 (still the 23rd in UTC), yesterday 23:30 solved today,
            // 20 days ago pending, 40 days ago closed
            let morning = try await Self.ticket(
                platform, tenant, channel: .email, status: .open, created: Self.local(24, 9))
            let midnight = try await Self.ticket(
                platform, tenant, channel: .web, status: .new, created: Self.local(24, 0, 30))
            let lateYesterday = try await Self.ticket(
                platform, tenant, channel: .email, status: .solved, created: Self.local(23, 23, 30),
                solved: Self.local(24, 8))
            let older = try await Self.ticket(
                platform, tenant, channel: .phone, status: .pending, created: Self.local(4, 12))
            _ = try await Self.ticket(
                platform, tenant, channel: .chat, status: .closed, created: Self.local(24, 12) - 40 * 86400,
                solved: Self.local(24, 12) - 39 * 86400)
            // another tenant's ticket of today, solved today, rated, with a met target
            let foreign = try await Self.ticket(
                platform, other, channel: .email, status: .solved, created: Self.local(24, 8),
                solved: Self.local(24, 9))
            try await Self.firstReplyTarget(
                platform, other, foreign, status: "fulfilled", target: Self.local(24, 12), fulfilled: Self.local(24, 9))
            try await Self.rating(platform, other, foreign, 1, at: Self.local(24, 9))
            // first-reply targets: met today, breached today, met yesterday, past due today but not
            // re-evaluated, due later today
            try await Self.firstReplyTarget(
                platform, tenant, morning, status: "fulfilled", target: Self.local(24, 11),
                fulfilled: Self.local(24, 9, 10))
            try await Self.firstReplyTarget(
                platform, tenant, midnight, status: "breached_open", target: Self.local(24, 1, 30),
                breached: Self.local(24, 1, 30))
            try await Self.firstReplyTarget(
                platform, tenant, lateYesterday, status: "fulfilled", target: Self.local(24, 2),
                fulfilled: Self.local(23, 23, 50))
            try await Self.firstReplyTarget(platform, tenant, older, status: "active", target: Self.local(24, 9, 30))
            let later = try await Self.ticket(
                platform, tenant, channel: .api, status: .open, created: Self.local(24, 9, 45))
            try await Self.firstReplyTarget(platform, tenant, later, status: "active", target: Self.local(24, 13))
            // ratings: three this month, one on the last evening of October
            try await Self.rating(platform, tenant, lateYesterday, 5, at: Self.local(24, 9))
            try await Self.rating(platform, tenant, morning, 4, at: Self.local(1, 0, 5))
            try await Self.rating(platform, tenant, midnight, 2, at: Self.local(20, 10))
            try await Self.rating(platform, tenant, older, 1, at: Self.local(1, 0) - 3600)

            let dashboard = SupervisorDashboard(store: platform.store, now: { Self.now })
            let figures = try await dashboard.figures(tenant: tenant, timeZone: Self.shanghai)

            #expect(figures.backlog == [.open: 2, .new: 1, .pending: 1])
            #expect(figures.openBacklog == 4)
            #expect(figures.days.count == DashboardFigures.trendDays)
            #expect(figures.days.last?.day.key == "2026-11-24")
            #expect(figures.createdToday == 3)
            #expect(figures.days.last?.solved == 1)
            let yesterday = try #require(figures.days.dropLast().last)
            #expect(yesterday.day.key == "2026-11-23" && yesterday.created == 1 && yesterday.solved == 0)
            #expect(figures.days.dropLast(2).allSatisfy { $0.created == 0 && $0.solved == 0 })
            #expect(
                figures.channels == [
                    .init(channel: "email", count: 2), .init(channel: "api", count: 1),
                    .init(channel: "phone", count: 1), .init(channel: "web", count: 1),
                ])
            #expect(figures.firstReplyToday == SLAOutcomeTally(met: 1, missed: 2))
            #expect(figures.satisfactionThisMonth == SatisfactionTally(counts: [5: 1, 4: 1, 2: 1]))
            #expect(figures.computedAt == Self.now)

            // the other tenant sees only its own
            let theirs = try await dashboard.figures(tenant: other, timeZone: Self.shanghai)
            #expect(theirs.openBacklog == 0 && theirs.createdToday == 1 && theirs.days.last?.solved == 1)
            #expect(theirs.firstReplyToday == SLAOutcomeTally(met: 1, missed: 0))
            #expect(theirs.satisfactionThisMonth.answered == 1 && theirs.channels.map(\.channel) == ["email"])
        }
    }

    @Test func figuresAreKeptForAMinuteThenCountedAgain() async throws {
        try await withTestPlatform { platform in
            let tenant = try await platform.makeTenant().tenant.id
            let clock = DashboardClock(Self.now)
            let dashboard = SupervisorDashboard(store: platform.store, now: { clock.now })
            _ = try await Self.ticket(platform, tenant, channel: .email, status: .open, created: Self.local(24, 9))
            #expect(try await dashboard.figures(tenant: tenant, timeZone: Self.shanghai).openBacklog == 1)
            // a ticket arrives; within the minute the counts stay as they were
            _ = try await Self.ticket(platform, tenant, channel: .web, status: .new, created: Self.local(24, 9, 30))
            clock.now = Self.now.addingTimeInterval(59)
            let kept = try await dashboard.figures(tenant: tenant, timeZone: Self.shanghai)
            #expect(kept.openBacklog == 1 && kept.computedAt == Self.now)
            // after it they are counted again
            clock.now = Self.now.addingTimeInterval(61)
            let recounted = try await dashboard.figures(tenant: tenant, timeZone: Self.shanghai)
            #expect(recounted.openBacklog == 2 && recounted.createdToday == 2)
            // another zone is counted on its own (days differ)
            let utc = try await dashboard.figures(tenant: tenant, timeZone: .gmt)
            #expect(utc.days.last?.day.key == "2026-11-24" && utc.createdToday == 2)
        }
    }
}

/// The dashboard's clock, set by the test.
final class DashboardClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}
