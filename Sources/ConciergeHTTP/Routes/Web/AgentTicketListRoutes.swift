import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `GET /agent/tickets`: the agent's views with live counts, and one page of tickets filtered
/// by view, status and search text.
struct AgentTicketListRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on group: RouterGroup<TenantContext>) {
        group.get("tickets", requires: .ticketsRead) { request, context in
            // The viewer, the views with their counts, the names and the page of tickets do not
            // depend on each other: they are read side by side, each in its own transaction.
            let identity = context.identity
            let filters = AgentTicketFilters(query: request.uri.query)
            async let loadedViewer = WebViewer.load(identity, services: services, resources: resources)
            async let loadedNames = WebDirectory.userNames(services, tenant: identity.tenantID)
            async let loadedViews = services.views.list(for: identity)
            var chosen: SavedView?
            if let key = filters.view { chosen = try await services.views.view(key, identity: identity) }
            let query = try filters.query(view: chosen, viewer: identity.userID)
            async let listed = services.tickets.list(query, tenant: identity.tenantID)
            let (viewer, names, views, (page, requesters)) = try await (
                loadedViewer, loadedNames, loadedViews, listed
            )
            let model = AgentTicketListPage(
                .init(views: views, filters: filters, page: page, requesters: requesters, userNames: names),
                viewer: viewer, now: Date())
            return viewer.respond(
                "tickets", page: model, request: request, resources: resources,
                secureCookies: services.settings.secureCookies)
        }
    }
}

/// The tenant's people and groups by id, for names on the pages.
enum WebDirectory {
    /// The first 500 users by name; enough for the assignee pickers of a first release.
    static let userLimit = 500

    static func users(_ services: HTTPServices, tenant: TenantID) async throws -> [User] {
        try await services.users.list(tenant: tenant, after: nil, limit: userLimit)
    }

    static func userNames(_ services: HTTPServices, tenant: TenantID) async throws -> [UserID: String] {
        Dictionary(uniqueKeysWithValues: try await users(services, tenant: tenant).map { ($0.id, $0.name) })
    }
}
