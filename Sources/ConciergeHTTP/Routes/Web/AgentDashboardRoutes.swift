import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `GET /agent/dashboard`: the supervisor dashboard (`reports:read`: supervisors, admins and
/// owners) — KPI cards, tickets by channel, created vs solved per day, breaching soon.
struct AgentDashboardRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on group: RouterGroup<TenantContext>) {
        group.get("dashboard", requires: .reportsRead) { request, context in
            let viewer = try await WebViewer.load(context.identity, services: services, resources: resources)
            let now = Date()
            let report = try await DashboardReport.load(tenant: viewer.tenant, services: services)
            let names = try await WebDirectory.userNames(services, tenant: context.identity.tenantID)
            let page = AgentDashboardPage(report, userNames: names, viewer: viewer, now: now)
            return viewer.respond(
                "dashboard", page: page, request: request, resources: resources,
                secureCookies: services.settings.secureCookies)
        }
    }
}
