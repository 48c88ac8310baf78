import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `GET /agent/tickets`: the agent's views, and one page of tickets filtered by view, status and
/// search text. The views' counts come from `GET /agent/views/counts`, which the page asks for
/// once shown and every minute after: counting is the dearest part of the page, and the list
/// need not wait for it.
struct AgentTicketListRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on group: RouterGroup<TenantContext>) {
        group.get("views/counts", requires: .ticketsRead) { _, context in
            let viewer = try await WebViewer.load(context.identity, services: services, resources: resources)
            var counts: [String: String] = [:]
            for (view, count) in try await services.views.list(for: context.identity) {
                counts[view.key] = viewer.catalogue.viewCount(count, cap: ViewCatalog.countCap)
            }
            var headers = WebResponse.securityHeaders()
            headers[.contentType] = "application/json; charset=utf-8"
            let body = try JSONEncoder().encode(["counts": counts])
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: Array(body))))
        }
        group.get("tickets", requires: .ticketsRead) { request, context in
            let identity = context.identity
            let filters = AgentTicketFilters(query: request.uri.query)
            let reads = try await services.workspace.list(for: identity, view: filters.view) { chosen in
                try filters.query(view: chosen, viewer: identity.userID)
            }
            let viewer = WebViewer(identity, user: reads.viewer, tenant: reads.tenant, resources: resources)
            let names = Dictionary(uniqueKeysWithValues: reads.users.map { ($0.id, $0.name) })
            let model = AgentTicketListPage(
                .init(
                    views: reads.views, filters: filters, page: reads.page, requesters: reads.requesters,
                    userNames: names),
                viewer: viewer, now: Date())
            return viewer.respond(
                "tickets", page: model, request: request, resources: resources,
                secureCookies: services.settings.secureCookies)
        }
    }
}

/// The tenant's people and groups by id, for names on the pages.
enum WebDirectory {
    /// The first 500 users by name (``AgentWorkspace/userLimit``); enough for the assignee
    /// pickers of a first release.
    static func users(_ services: HTTPServices, tenant: TenantID) async throws -> [User] {
        try await services.users.list(tenant: tenant, after: nil, limit: AgentWorkspace.userLimit)
    }

    static func userNames(_ services: HTTPServices, tenant: TenantID) async throws -> [UserID: String] {
        Dictionary(uniqueKeysWithValues: try await users(services, tenant: tenant).map { ($0.id, $0.name) })
    }
}
