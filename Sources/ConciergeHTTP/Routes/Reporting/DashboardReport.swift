import ConciergeCore
import ConciergeDomain
import Foundation

/// What the supervisor dashboard shows, loaded alike for `GET /api/v1/dashboard` and the
/// `/agent/dashboard` page: the counted figures (at most a minute old) and the unsolved
/// tickets whose SLA breaches next, read fresh.
struct DashboardReport {
    /// How far ahead the breaching-soon list looks; breached tickets are always in it.
    static let breachingHorizon: TimeInterval = 4 * 3600
    static let breachingLimit = 10

    let figures: DashboardFigures
    let timeZone: TimeZone
    let breaching: [Ticket]
    let requesters: [CustomerID: Customer]

    static func load(tenant: Tenant, services: HTTPServices, now: Date) async throws -> DashboardReport {
        let timeZone = TimeZone(identifier: tenant.timeZone) ?? TimeZone(identifier: "Asia/Shanghai")!
        let figures = try await services.dashboard.figures(tenant: tenant.id, timeZone: timeZone)
        var query = TicketQuery()
        query.statuses = TicketStatus.allCases.filter(\.isUnsolved)
        query.slaBreachBefore = now.addingTimeInterval(breachingHorizon)
        query.sort = .slaBreachAt
        query.descending = false
        query.limit = breachingLimit
        let (page, requesters) = try await services.tickets.list(query, tenant: tenant.id)
        return DashboardReport(figures: figures, timeZone: timeZone, breaching: page.tickets, requesters: requesters)
    }
}
