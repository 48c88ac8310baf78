import ConciergeDomain
import Foundation

/// The supervisor dashboard's figures for a tenant.
///
/// Counting a large tenant's last 30 days takes tens of milliseconds, so the figures are kept
/// for ``maximumAge`` per tenant and process: within that time every viewer gets the same
/// counts (the page says when they were taken), and concurrent viewers of a stale tenant wait
/// for one recount rather than starting one each. The breaching-soon list is read fresh: an
/// indexed read of a few rows.
public struct SupervisorDashboard: Sendable {
    /// How long counted figures are shown before they are counted again.
    public static let maximumAge: TimeInterval = 60
    /// How far ahead the breaching-soon list looks; breached tickets are always in it.
    public static let breachingHorizon: TimeInterval = 4 * 3600
    /// How many tickets the breaching-soon list shows.
    public static let breachingLimit = 10

    let store: any TenantStore
    let cache: FiguresCache
    let now: @Sendable () -> Date

    public init(store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.cache = FiguresCache()
        self.now = now
    }

    /// The tenant's figures, at most ``maximumAge`` old, with days in `timeZone`.
    public func figures(tenant: TenantID, timeZone: TimeZone) async throws -> DashboardFigures {
        let at = now()
        return try await cache.figures(for: CacheKey(tenant: tenant, timeZone: timeZone.identifier), at: at) {
            try await count(tenant: tenant, calendar: ReportingCalendar(timeZone: timeZone, now: at))
        }
    }

    /// Counts the figures now.
    func count(tenant: TenantID, calendar: ReportingCalendar) async throws -> DashboardFigures {
        let channelDays = calendar.recentDays(DashboardFigures.channelDays)
        let trendDays = Array(channelDays.suffix(DashboardFigures.trendDays))
        let today = calendar.today
        return try await store.transaction(tenant) { tx in
            let created = try await tx.reporting.createdPerBucket(bounds: Self.bounds(of: channelDays))
            let solved = try await tx.reporting.solvedPerBucket(bounds: Self.bounds(of: trendDays))
            let offset = channelDays.count - trendDays.count
            var channels: [String: Int] = [:]
            for perChannel in created.values {
                channels.merge(perChannel, uniquingKeysWith: +)
            }
            let days = trendDays.enumerated().map { index, day in
                DashboardFigures.Day(
                    day: day, created: created[offset + index + 1]?.values.reduce(0, +) ?? 0,
                    solved: solved[index + 1] ?? 0)
            }
            return DashboardFigures(
                computedAt: calendar.now, backlog: try await tx.reporting.unsolvedBacklog(),
                firstReplyToday: try await tx.reporting.firstReplyOutcomes(from: today.start, to: calendar.now),
                satisfactionThisMonth: try await tx.reporting.satisfaction(
                    from: calendar.startOfMonth, to: calendar.now),
                channels: ChannelVolume.ranked(channels), days: days)
        }
    }

    /// The unsolved tickets whose SLA breaches within ``breachingHorizon`` — breached ones
    /// first — at most ``breachingLimit``, with their requesters.
    public func breachingSoon(tenant: TenantID) async throws -> (tickets: [Ticket], requesters: [CustomerID: Customer])
    {
        var query = TicketQuery()
        query.statuses = TicketStatus.allCases.filter(\.isUnsolved)
        query.slaBreachBefore = now().addingTimeInterval(Self.breachingHorizon)
        query.sort = .slaBreachAt
        query.descending = false
        query.limit = Self.breachingLimit
        return try await store.transaction(tenant) { [query] tx in
            let tickets = try await tx.tickets.list(query).tickets
            return (tickets, try await TicketDesk.requesters(of: tickets, in: tx))
        }
    }

    /// `b0 … bn` for days `d1 … dn`: each day's start, then the last day's end.
    static func bounds(of days: [ReportingDay]) -> [Date] {
        days.map(\.start) + (days.last.map { [$0.end] } ?? [])
    }

    struct CacheKey: Hashable, Sendable {
        let tenant: TenantID
        let timeZone: String
    }

    /// Figures per tenant and zone, with one recount at a time per key.
    actor FiguresCache {
        private var entries: [CacheKey: DashboardFigures] = [:]
        private var counting: [CacheKey: Task<DashboardFigures, any Error>] = [:]

        func figures(
            for key: CacheKey, at now: Date, count: @escaping @Sendable () async throws -> DashboardFigures
        ) async throws -> DashboardFigures {
            if let entry = entries[key], now.timeIntervalSince(entry.computedAt) < SupervisorDashboard.maximumAge,
                entry.computedAt <= now
            {
                return entry
            }
            if let running = counting[key] { return try await running.value }
            let task = Task { try await count() }
            counting[key] = task
            defer { counting[key] = nil }
            let figures = try await task.value
            entries[key] = figures
            return figures
        }
    }
}
