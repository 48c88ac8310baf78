import ConciergeCore
import ConciergeDomain
import Hummingbird

/// `/api/v1/views`: saved ticket lists with counts, and running one.
struct ViewRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("views", requires: .ticketsRead) { _, context in
            let views = try await services.views.list(for: context.identity)
            return Page(
                key: "views", items: views.map { ViewRepresentation($0.view, count: $0.count) }, nextCursor: nil)
        }
        api.post("views", requires: .ticketsRead) { request, context in
            let body = try await request.decodeBody(as: ViewBody.self, context: context)
            guard let key = body.key, let title = body.title, let filters = body.filters else {
                throw AppError(
                    .invalidInput, code: "missing_field", message: "key, title and filters are required",
                    field: body.key == nil ? "key" : body.title == nil ? "title" : "filters")
            }
            let view = try await services.views.create(
                key: key, title: title, filters: filters, shared: body.shared ?? false, identity: context.identity)
            return EditedResponse(
                status: .created, response: Wrapped(key: "view", item: ViewRepresentation(view, count: nil)))
        }
        api.patch("views/:view", requires: .ticketsRead) { request, context in
            let body = try await request.decodeBody(as: ViewBody.self, context: context)
            let view = try await services.views.update(
                context.parameters.get("view") ?? "", title: body.title, filters: body.filters, position: body.position,
                identity: context.identity)
            return Wrapped(key: "view", item: ViewRepresentation(view, count: nil))
        }
        api.delete("views/:view", requires: .ticketsRead) { _, context in
            try await services.views.delete(context.parameters.get("view") ?? "", identity: context.identity)
            return Response(status: .noContent)
        }
        api.get("views/:view/tickets", requires: .ticketsRead) { request, context in
            let limit = try request.pageLimit()
            let (_, page, requesters) = try await services.views.run(
                context.parameters.get("view") ?? "", cursor: request.uri.queryParameters["cursor"].map(String.init),
                limit: limit,
                identity: context.identity)
            return Page(
                key: "tickets",
                items: page.tickets.map { TicketRepresentation($0, requester: requesters[$0.requesterID]) },
                nextCursor: page.nextCursor)
        }
    }
}

/// A view in JSON; `count` is capped at 10,000 (`count_capped` says when).
struct ViewRepresentation: ResponseEncodable {
    var id: String
    var key: String
    var title: String
    var shared: Bool
    var ownerId: String?
    var filters: ViewFilters
    var position: Int
    var count: Int?
    var countCapped: Bool?

    init(_ view: SavedView, count: Int?) {
        id = view.id.description
        key = view.key
        title = view.title
        shared = view.ownerID == nil
        ownerId = view.ownerID?.description
        filters = view.filters
        position = view.position
        self.count = count
        countCapped = count.map { $0 >= ViewCatalog.countCap }
    }
}

/// `POST /api/v1/views` and `PATCH /api/v1/views/{view}`.
struct ViewBody: Decodable {
    var key: String?
    var title: String?
    var filters: ViewFilters?
    var shared: Bool?
    var position: Int?
}
