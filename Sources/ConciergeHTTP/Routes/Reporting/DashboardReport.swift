import ConciergeCore
import ConciergeDomain
import Foundation

/// What the supervisor dashboard shows, loaded alike for `GET /api/v1/dashboard` and the
/// `/agent/dashboard` page: the counted figures (at most a minute old) and the unsolved
/// tickets whose SLA breaches next, read fresh (``SupervisorDashboard``).
struct DashboardReport {
    let figures: DashboardFigures
    let timeZone: TimeZone
    let breaching: [Ticket]
    let requesters: [CustomerID: Customer]

    static func load(tenant: Tenant, services: HTTPServices) async throws -> DashboardReport {
        let timeZone = WebDateFormat(timeZoneIdentifier: tenant.timeZone).timeZone
        let figures = try await services.dashboard.figures(tenant: tenant.id, timeZone: timeZone)
        let (breaching, requesters) = try await services.dashboard.breachingSoon(tenant: tenant.id)
        return DashboardReport(figures: figures, timeZone: timeZone, breaching: breaching, requesters: requesters)
    }
}
