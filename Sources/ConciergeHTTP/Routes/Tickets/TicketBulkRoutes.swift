import ConciergeCore
import ConciergeDomain
import Hummingbird

/// Bulk changes (up to 1,000 tickets, a result per ticket) and merging tickets.
struct TicketBulkRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.post("tickets/bulk-update", requires: .ticketsWrite) { request, context in
            let body = try await request.decodeBody(as: BulkUpdateBody.self, context: context)
            let references = try body.ids.enumerated().map { index, text in
                guard let reference = TicketReference(text) else {
                    throw AppError(
                        .invalidInput, code: "invalid_field", message: "is not a ticket id or number",
                        field: "ids[\(index)]")
                }
                return reference
            }
            let results = try await services.tickets.bulkUpdate(
                references, body.ticket.change, actor: context.identity.actor, tenant: context.identity.tenantID)
            return BulkResultsRepresentation(
                results: zip(body.ids, results).map { id, result in BulkResultRepresentation(id: id, result: result) })
        }
        api.post("tickets/:ticket/merge", requires: .ticketsWrite) { request, context in
            let body = try await request.decodeBody(as: MergeBody.self, context: context)
            guard let target = TicketReference(body.targetId) else {
                throw AppError(
                    .invalidInput, code: "invalid_field", message: "is not a ticket id or number", field: "target_id")
            }
            let merged = try await services.tickets.merge(
                try context.ticket(), into: target, actor: context.identity.actor, tenant: context.identity.tenantID)
            let requesters = try await services.tickets.requesters(of: [merged], tenant: context.identity.tenantID)
            return Wrapped(key: "ticket", item: TicketRepresentation(merged, requester: requesters[merged.requesterID]))
        }
    }
}

/// `POST /api/v1/tickets/bulk-update`: `{"ids": [...], "ticket": {same fields as PATCH}}`.
struct BulkUpdateBody: Decodable {
    var ids: [String]
    var ticket: TicketPatchBody
}

/// `POST /api/v1/tickets/{ticket}/merge`: `{"target_id": "..."}`.
struct MergeBody: Decodable {
    var targetId: String

    enum CodingKeys: String, CodingKey {
        case targetId = "target_id"
    }
}

/// The per-ticket outcomes of a bulk update, in request order.
struct BulkResultsRepresentation: ResponseEncodable {
    var results: [BulkResultRepresentation]
}

/// One ticket's outcome: `ok` with its new version, or the error it got.
struct BulkResultRepresentation: Encodable, Sendable {
    struct Failure: Encodable, Sendable {
        var code: String
        var message: String
        var field: String?
    }

    var id: String
    var status: String
    var version: Int?
    var error: Failure?

    init(id: String, result: TicketDesk.BulkResult) {
        self.id = result.ticket?.id.description ?? id
        status = result.error == nil ? "ok" : "error"
        version = result.ticket?.version
        error = result.error.map { Failure(code: $0.code, message: $0.message, field: $0.field) }
    }
}
