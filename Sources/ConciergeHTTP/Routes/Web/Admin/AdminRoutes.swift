import ConciergeCore
import Hummingbird

/// The admin console under `/admin`: the same sign-in, session, CSRF check and error pages as
/// the agent workspace; each section requires the permission its use cases need.
struct AdminRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on router: Router<AppRequestContext>) {
        let console = router.group("admin")
            .add(middleware: WebErrorMiddleware(resources: resources))
            .add(middleware: WebSessionMiddleware(services: services))
            .group(context: TenantContext.self)
        AdminHomeRoutes(services: services, resources: resources).register(on: console)
        AdminSettingsRoutes(services: services, resources: resources).register(on: console)
        AdminUserRoutes(services: services, resources: resources).register(on: console)
        AdminGroupRoutes(services: services, resources: resources).register(on: console)
        AdminTokenRoutes(services: services, resources: resources).register(on: console)
        AdminConnectorRoutes(services: services, resources: resources).register(on: console)
        AdminFieldRoutes(services: services, resources: resources).register(on: console)
        AdminFormRoutes(services: services, resources: resources).register(on: console)
        AdminServiceLevelRoutes(services: services, resources: resources).register(on: console)
        AdminRuleRoutes(services: services, resources: resources).register(on: console)
    }
}
