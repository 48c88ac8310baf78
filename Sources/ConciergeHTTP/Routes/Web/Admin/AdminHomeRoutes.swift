import ConciergeCore
import ConciergeDomain
import Hummingbird

/// `GET /admin`: the console's sections the viewer may open, as cards. A role that may open
/// none (agents, supervisors) gets the 403 page.
struct AdminHomeRoutes {
    let services: HTTPServices
    let resources: WebResources

    struct HomePage {
        let nav: AdminNav
    }

    func register(on console: RouterGroup<TenantContext>) {
        console.get("", requires: .tenantRead) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            return viewer.respond(
                "admin-home", page: HomePage(nav: AdminNav(viewer, current: nil)), request: request,
                resources: resources, secureCookies: services.settings.secureCookies)
        }
    }
}
