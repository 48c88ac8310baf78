import ConciergeCore
import ConciergeDomain
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/v1/tickets`: open, list and search, read, change (with optimistic concurrency via
/// `If-Match`/ETag), and the linked work and history of a ticket.
struct TicketRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.post("tickets", requires: .ticketsWrite) { request, context in try await create(request, context) }
        api.get("tickets", requires: .ticketsRead) { request, context in try await list(request, context) }
        api.get("tickets/:ticket", requires: .ticketsRead) { request, context in
            let ticket = try await services.tickets.get(try context.ticket(), tenant: context.identity.tenantID)
            return try await single(ticket, status: .ok, request: request, context: context)
        }
        api.patch("tickets/:ticket", requires: .ticketsWrite) { request, context in try await update(request, context) }
        api.get("tickets/:ticket/children", requires: .ticketsRead) { _, context in
            let children = try await services.tickets.children(
                of: try context.ticket(), tenant: context.identity.tenantID)
            let requesters = try await services.tickets.requesters(of: children, tenant: context.identity.tenantID)
            return Page(
                key: "tickets", items: children.map { TicketRepresentation($0, requester: requesters[$0.requesterID]) },
                nextCursor: nil)
        }
        api.get("tickets/:ticket/history", requires: .ticketsRead) { request, context in
            let limit = try request.pageLimit()
            let cursor: Int64? = try request.uri.queryParameters["cursor"].map {
                guard let value = Int64(String($0)), value > 0 else {
                    throw AppError(
                        .invalidInput, code: "invalid_parameter", message: "cursor is not valid", field: "cursor")
                }
                return value
            }
            let events = try await services.tickets.history(
                try context.ticket(), tenant: context.identity.tenantID, before: cursor, limit: limit)
            return Page(
                key: "history", items: events.map(EventRepresentation.init),
                nextCursor: events.count == limit ? events.last.map { String($0.sequence) } : nil)
        }
    }

    private func create(_ request: Request, _ context: TenantContext) async throws -> Response {
        let body = try await request.decodeBody(as: TicketCreateBody.self, context: context)
        let requester: NewTicket.Requester
        if let id = body.requesterId {
            requester = .customer(id)
        } else if let contact = body.requester {
            requester = .contact(email: contact.email, phone: contact.phone, name: contact.name)
        } else {
            throw AppError(
                .invalidInput, code: "missing_field", message: "requester or requester_id is required",
                field: "requester")
        }
        let new = NewTicket(
            subject: body.subject, description: body.description, requester: requester, status: body.status,
            priority: body.priority, type: body.type, channel: body.channel ?? .api, assigneeID: body.assigneeId,
            groupID: body.groupId, followerIDs: body.followerIds ?? [], tags: body.tags ?? [],
            customFields: body.customFields ?? [:], dueAt: body.dueAt, formKey: body.form, assetID: body.assetId,
            parentID: body.parentId)
        let ticket = try await services.tickets.create(
            new, actor: context.identity.actor, tenant: context.identity.tenantID)
        var response = try await single(ticket, status: .created, request: request, context: context)
        response.headers[.location] = "/api/v1/tickets/\(ticket.id)"
        return response
    }

    private func list(_ request: Request, _ context: TenantContext) async throws -> Page<TicketRepresentation> {
        let query = try TicketQueryParameters(parameters: request.uri.queryParameters, caller: context.identity).query()
        let (page, requesters) = try await services.tickets.list(query, tenant: context.identity.tenantID)
        return Page(
            key: "tickets", items: page.tickets.map { TicketRepresentation($0, requester: requesters[$0.requesterID]) },
            nextCursor: page.nextCursor)
    }

    private func update(_ request: Request, _ context: TenantContext) async throws -> Response {
        let body = try await request.decodeBody(as: TicketPatchBody.self, context: context)
        let expected = try ETag.version(from: request.headers[.ifMatch]) ?? body.version
        let ticket = try await services.tickets.update(
            try context.ticket(), body.change, expectedVersion: expected, actor: context.identity.actor,
            tenant: context.identity.tenantID)
        return try await single(ticket, status: .ok, request: request, context: context)
    }

    private func single(_ ticket: Ticket, status: HTTPResponse.Status, request: Request, context: TenantContext)
        async throws
        -> Response
    {
        let requesters = try await services.tickets.requesters(of: [ticket], tenant: context.identity.tenantID)
        var response = try APIJSONEncoder().encode(
            Wrapped(key: "ticket", item: TicketRepresentation(ticket, requester: requesters[ticket.requesterID])),
            from: request, context: context)
        response.status = status
        response.headers[.eTag] = ETag.make(version: ticket.version)
        return response
    }
}

/// Ticket versions as entity tags: `"7"`; `If-Match` takes one (weak or strong) or `*`.
enum ETag {
    static func make(version: Int) -> String { "\"\(version)\"" }

    static func version(from header: String?) throws -> Int? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty, header != "*" else {
            return nil
        }
        let tag = header.hasPrefix("W/") ? String(header.dropFirst(2)) : header
        guard tag.count >= 3, tag.hasPrefix("\""), tag.hasSuffix("\""), let version = Int(tag.dropFirst().dropLast())
        else {
            throw AppError(
                .invalidInput, code: "invalid_if_match", message: "If-Match must be an ETag from a ticket response",
                field: "If-Match")
        }
        return version
    }
}

extension TenantContext {
    /// The `:ticket` path parameter: an id or a number.
    func ticket() throws -> TicketReference {
        guard let text = parameters.get("ticket"), let reference = TicketReference(text) else {
            throw AppError.notFound("ticket")
        }
        return reference
    }
}
