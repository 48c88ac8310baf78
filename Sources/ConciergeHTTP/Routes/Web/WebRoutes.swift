import ConciergeCore
import Hummingbird

/// The server-rendered pages of `concierge-api`: the agent workspace under `/agent`, the admin
/// console under `/admin`, and their static files under `/assets`. Not part of the JSON API (nor of openapi.json).
struct WebRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on router: Router<AppRequestContext>) {
        WebAssetRoutes(resources: resources).register(on: router)
        router.get("agent") { _, _ in WebResponse.redirect(to: AgentPaths.tickets) }
        let signIn = router.group("agent").add(middleware: WebErrorMiddleware(resources: resources))
        AgentLoginRoutes(services: services, resources: resources).register(on: signIn)
        let workspace = router.group("agent")
            .add(middleware: WebErrorMiddleware(resources: resources))
            .add(middleware: WebSessionMiddleware(services: services))
            .group(context: TenantContext.self)
        AgentLogoutRoutes(services: services).register(on: workspace)
        AgentTicketListRoutes(services: services, resources: resources).register(on: workspace)
        AgentTicketRoutes(services: services, resources: resources).register(on: workspace)
        AgentTicketActionRoutes(services: services).register(on: workspace)
        AgentCustomerPanelRoutes(services: services, resources: resources).register(on: workspace)
        AgentDashboardRoutes(services: services, resources: resources).register(on: workspace)
        AgentSettingsRoutes(services: services, resources: resources).register(on: workspace)
        WebBrandRoutes(services: services).register(on: workspace)
        let hub = TicketWatchHub { [services] tenant, tickets in
            try await services.tickets.versions(of: tickets, tenant: tenant)
        }
        AgentTicketLiveRoutes(services: services, hub: hub).register(on: workspace)
        AdminRoutes(services: services, resources: resources).register(on: router)
    }
}
