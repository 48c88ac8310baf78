import ConciergeCore
import ConciergeDomain
import Hummingbird

/// `/api/v1/tickets/{ticket}/links`: related tickets (besides parent/children linked work).
struct TicketLinkRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("tickets/:ticket/links", requires: .ticketsRead) { _, context in
            let related = try await services.tickets.related(
                to: try context.ticket(), tenant: context.identity.tenantID)
            let requesters = try await services.tickets.requesters(of: related, tenant: context.identity.tenantID)
            return Page(
                key: "tickets", items: related.map { TicketRepresentation($0, requester: requesters[$0.requesterID]) },
                nextCursor: nil)
        }
        api.post("tickets/:ticket/links", requires: .ticketsWrite) { request, context in
            let body = try await request.decodeBody(as: LinkBody.self, context: context)
            guard let other = TicketReference(body.relatedId) else {
                throw AppError(
                    .invalidInput, code: "invalid_field", message: "is not a ticket id or number", field: "related_id")
            }
            try await services.tickets.relate(
                try context.ticket(), to: other, actor: context.identity.actor, tenant: context.identity.tenantID)
            return Response(status: .noContent)
        }
        api.delete("tickets/:ticket/links/:related", requires: .ticketsWrite) { _, context in
            guard let other = context.parameters.get("related").flatMap(TicketReference.init) else {
                throw AppError.notFound("link")
            }
            try await services.tickets.unrelate(
                try context.ticket(), from: other, actor: context.identity.actor, tenant: context.identity.tenantID)
            return Response(status: .noContent)
        }
    }
}

/// `POST /api/v1/tickets/{ticket}/links`: `{"related_id": "…"}` (id or number).
struct LinkBody: Decodable {
    var relatedId: String

    enum CodingKeys: String, CodingKey {
        case relatedId = "related_id"
    }
}
