import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// The integration hub: connectors (secrets write-only), their delivery log, replay and test
/// sends. Administrators only (`tenant:write`): the log holds ticket texts and peers' answers.
struct ConnectorRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("connectors", requires: .tenantWrite) { _, context in
            let connectors = try await services.connectors.list(tenant: context.identity.tenantID)
            return Page(key: "connectors", items: connectors.map(ConnectorRepresentation.init), nextCursor: nil)
        }
        api.post("connectors", requires: .tenantWrite) { request, context in
            let draft = try await request.decodeBody(as: ConnectorDraft.self, context: context)
            let connector = try await services.connectors.create(draft, tenant: context.identity.tenantID)
            return EditedResponse(
                status: .created, response: Wrapped(key: "connector", item: ConnectorRepresentation(connector)))
        }
        api.get("connectors/:id", requires: .tenantWrite) { _, context in
            let connector = try await services.connectors.find(
                context.parameters.get("id") ?? "", tenant: context.identity.tenantID)
            return Wrapped(key: "connector", item: ConnectorRepresentation(connector))
        }
        api.patch("connectors/:id", requires: .tenantWrite) { request, context in
            let draft = try await request.decodeBody(as: ConnectorDraft.self, context: context)
            let connector = try await services.connectors.update(
                context.parameters.get("id") ?? "", draft, tenant: context.identity.tenantID)
            return Wrapped(key: "connector", item: ConnectorRepresentation(connector))
        }
        api.delete("connectors/:id", requires: .tenantWrite) { _, context in
            try await services.connectors.delete(context.parameters.get("id") ?? "", tenant: context.identity.tenantID)
            return Response(status: .noContent)
        }
        api.post("connectors/:id/test", requires: .tenantWrite) { _, context in
            let delivery = try await services.connectors.sendTest(
                context.parameters.get("id") ?? "", tenant: context.identity.tenantID)
            return Wrapped(key: "delivery", item: DeliveryRepresentation(delivery))
        }
        api.get("connectors/:id/deliveries", requires: .tenantWrite) { request, context in
            let connector = try await services.connectors.find(
                context.parameters.get("id") ?? "", tenant: context.identity.tenantID)
            return try await page(request, context: context, connector: connector.id)
        }
        api.get("connector-deliveries", requires: .tenantWrite) { request, context in
            try await page(request, context: context, connector: nil)
        }
        api.get("connector-deliveries/:id", requires: .tenantWrite) { _, context in
            let delivery = try await services.connectors.delivery(
                try context.id("id", of: "delivery"), tenant: context.identity.tenantID)
            return Wrapped(key: "delivery", item: DeliveryRepresentation(delivery, withMessage: true))
        }
        api.post("connector-deliveries/:id/replay", requires: .tenantWrite) { _, context in
            let delivery = try await services.connectors.replay(
                try context.id("id", of: "delivery"), tenant: context.identity.tenantID)
            return Wrapped(key: "delivery", item: DeliveryRepresentation(delivery))
        }
    }

    private func page(_ request: Request, context: TenantContext, connector: ConnectorID?) async throws
        -> Page<DeliveryRepresentation>
    {
        var statuses: [ConnectorDeliveryStatus] = []
        for text in (request.uri.queryParameters["status"].map(String.init) ?? "").split(separator: ",") {
            guard let status = ConnectorDeliveryStatus(rawValue: String(text)) else {
                throw AppError(
                    .invalidInput, code: "invalid_parameter",
                    message:
                        "status is a list of \(ConnectorDeliveryStatus.allCases.map(\.rawValue).joined(separator: ", "))",
                    field: "status")
            }
            statuses.append(status)
        }
        let limit = try request.pageLimit()
        let before = try request.uri.queryParameters["cursor"].map { try DeliveryCursor.decode(String($0)) }
        let deliveries = try await services.connectors.deliveries(
            ConnectorDeliveryQuery(connectorID: connector, statuses: statuses, before: before, limit: limit),
            tenant: context.identity.tenantID)
        let next = deliveries.count == limit ? deliveries.last.map(DeliveryCursor.encode) : nil
        return Page(key: "deliveries", items: deliveries.map { DeliveryRepresentation($0) }, nextCursor: next)
    }
}

/// The delivery log's keyset cursor: `<microseconds>:<id>`.
enum DeliveryCursor {
    static func encode(_ delivery: ConnectorDelivery) -> String {
        "\(Int64((delivery.createdAt.timeIntervalSince1970 * 1_000_000).rounded())):\(delivery.id)"
    }

    static func decode(_ text: String) throws -> (createdAt: Date, id: ConnectorDeliveryID) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let micros = Int64(parts[0]), let id = ConnectorDeliveryID(String(parts[1])) else {
            throw AppError(.invalidInput, code: "invalid_parameter", message: "cursor is not valid", field: "cursor")
        }
        return (Date(timeIntervalSince1970: Double(micros) / 1_000_000), id)
    }
}
