import ConciergeCore
import Hummingbird

/// The customer portal of each tenant, `/portal/{tenant}`: the home page with the tenant's
/// forms, sign-in by emailed link, "my requests" and each request with its public
/// conversation, replies with files, "mark as solved" and the rating. Server-rendered, no
/// script; Chinese or English. Not part of the JSON API (nor of openapi.json).
struct PortalRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on router: Router<AppRequestContext>) {
        let gate = PortalGate(services: services, resources: resources)
        let portal = router.group("portal/:tenant")
            .add(middleware: PortalErrorMiddleware(services: services, resources: resources))
        PortalHomeRoutes(services: services, gate: gate).register(on: portal)
        PortalSignInRoutes(services: services, gate: gate).register(on: portal)
        PortalFormRoutes(services: services, gate: gate).register(on: portal)
        PortalRequestRoutes(services: services, gate: gate).register(on: portal)
    }
}
