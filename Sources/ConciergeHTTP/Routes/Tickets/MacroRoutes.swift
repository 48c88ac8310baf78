import ConciergeCore
import ConciergeDomain
import Hummingbird

/// `/api/v1/macros`: saved actions and replies; `POST /api/v1/tickets/{ticket}/macros/{macro}`
/// applies one.
struct MacroRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("macros", requires: .ticketsRead) { _, context in
            let macros = try await services.macros.list(tenant: context.identity.tenantID)
            return Page(key: "macros", items: macros.map(EncodableDocument.init), nextCursor: nil)
        }
        api.post("macros", requires: .tenantWrite) { request, context in
            let body = try await request.decodeBody(as: MacroDraft.self, context: context)
            let created = try await services.macros.create(
                try FieldRoutes.mapping { try body.macro(updating: nil) }, tenant: context.identity.tenantID)
            return EditedResponse(status: .created, response: Wrapped(key: "macro", item: EncodableDocument(created)))
        }
        api.patch("macros/:macro", requires: .tenantWrite) { request, context in
            let tenant = context.identity.tenantID
            let existing = try await services.macros.get(context.parameters.get("macro") ?? "", tenant: tenant)
            let body = try await request.decodeBody(as: MacroDraft.self, context: context)
            let updated = try await services.macros.update(
                try FieldRoutes.mapping { try body.macro(updating: existing) }, tenant: tenant)
            return Wrapped(key: "macro", item: EncodableDocument(updated))
        }
        api.delete("macros/:macro", requires: .tenantWrite) { _, context in
            try await services.macros.delete(context.parameters.get("macro") ?? "", tenant: context.identity.tenantID)
            return Response(status: .noContent)
        }
        api.post("tickets/:ticket/macros/:macro", requires: .ticketsWrite) { _, context in
            let identity = context.identity
            var agent: User?
            if let user = identity.userID { agent = try await services.users.get(user, tenant: identity.tenantID) }
            let (ticket, reply) = try await services.macros.apply(
                context.parameters.get("macro") ?? "", to: try context.ticket(), agent: agent, actor: identity.actor,
                tenant: identity.tenantID)
            let requesters = try await services.tickets.requesters(of: [ticket], tenant: identity.tenantID)
            return MacroResultRepresentation(
                ticket: TicketRepresentation(ticket, requester: requesters[ticket.requesterID]),
                comment: reply.map { CommentRepresentation($0) })
        }
    }
}

/// The ticket after a macro, and the reply it added.
struct MacroResultRepresentation: ResponseEncodable {
    var ticket: TicketRepresentation
    var comment: CommentRepresentation?
}
