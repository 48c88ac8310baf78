import ConciergeCore
import ConciergeDomain
import Hummingbird

/// `GET /portal/{tenant}`: the tenant, its forms ("submit a request"), and the signed-in
/// customer's open requests.
struct PortalHomeRoutes {
    let services: HTTPServices
    let gate: PortalGate

    /// Open requests the home page lists.
    static let recentLimit = 5

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get { request, context in
            let visit = try await gate.visit(request, context)
            let site = try await services.portal.site(visit.tenant)
            var recent: [Ticket] = []
            if let visitor = visit.visitor {
                recent = Array(
                    try await services.portal.requests(visitor, filter: .open, cursor: nil).tickets.prefix(
                        Self.recentLimit))
            }
            return gate.page(
                "portal-home", PortalPages.Home(site: site, recent: recent, visit: visit), visit, site: site)
        }
    }
}
