import ConciergeCore
import ConciergeDomain
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /hooks/{tenant}/{key}`: an inbound webhook. No login: the body's signature
/// (`X-Concierge-Signature: t=…,v1=…`, HMAC-SHA256 with the connector's signing secret) is the
/// credential. Answers 201 with the new ticket, 200 for a known external id (`duplicate`,
/// `updated`) or a delivery the mapping's conditions leave out (`ignored`).
struct InboundWebhookRoutes {
    let services: HTTPServices

    /// The header carrying the signature.
    static let signatureHeader = HTTPField.Name("X-Concierge-Signature")!

    func register(on router: Router<AppRequestContext>) {
        router.post("hooks/:tenant/:key") { request, context in
            let slug = context.parameters.get("tenant") ?? ""
            let key = context.parameters.get("key") ?? ""
            let limit = services.settings.requestsPerMinute
            try await services.limiter.enforce(
                "hook:\(slug)/\(key)", limit: limit, window: .seconds(60),
                message: "more than \(limit) deliveries per minute")
            let body = try await request.body.collect(upTo: WebhookIntake.maxBodyBytes)
            let outcome = try await services.webhookIntake.receive(
                tenant: slug, key: key, signature: request.headers[Self.signatureHeader],
                body: Array(buffer: body))
            return try Self.response(outcome)
        }
    }

    static func response(_ outcome: WebhookIntakeOutcome) throws -> Response {
        var object: [String: JSONValue]
        var status = HTTPResponse.Status.ok
        switch outcome {
        case .created(let ticket):
            status = .created
            object = [
                "outcome": .string("created"),
                "ticket": .object(["id": .string(ticket.id.description), "number": .number(Double(ticket.number))]),
            ]
        case .updated(let ticket, let comment):
            object = [
                "outcome": .string("updated"), "ticket": .object(["id": .string(ticket.description)]),
                "comment_id": .string(comment.description),
            ]
        case .duplicate(let ticket):
            object = [
                "outcome": .string("duplicate"),
                "ticket": ticket.map { .object(["id": .string($0.description)]) } ?? .null,
            ]
        case .ignored(let reason):
            object = ["outcome": .string("ignored"), "reason": .string(reason)]
        }
        var response = Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(JSONValue.object(object)))))
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
