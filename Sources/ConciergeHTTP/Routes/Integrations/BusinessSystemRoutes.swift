import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// CRM and ERP connectors: the CRM sync's state and a run on demand (administrators), spare-part
/// stock and issue orders for a ticket (agents).
struct BusinessSystemRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("connectors/:id/sync", requires: .tenantWrite) { _, context in
            let status = try await services.businessSystems.syncStatus(
                context.parameters.get("id") ?? "", tenant: context.identity.tenantID)
            return Wrapped(key: "sync", item: SyncStatusRepresentation(status))
        }
        api.post("connectors/:id/sync", requires: .tenantWrite) { _, context in
            let status = try await services.businessSystems.requestSync(
                context.parameters.get("id") ?? "", tenant: context.identity.tenantID)
            return EditedResponse(
                status: .accepted, response: Wrapped(key: "sync", item: SyncStatusRepresentation(status)))
        }
        api.get("connectors/:id/inventory", requires: .ticketsRead) { request, context in
            let parts = (request.uri.queryParameters["parts"].map(String.init) ?? "").split(separator: ",").map(
                String.init)
            let levels = try await services.businessSystems.inventory(
                context.parameters.get("id") ?? "", parts: parts,
                warehouse: request.uri.queryParameters["warehouse"].map(String.init),
                tenant: context.identity.tenantID)
            return Page(key: "inventory", items: levels.map(StockLevelRepresentation.init), nextCursor: nil)
        }
        api.post("tickets/:ticket/issue-orders", requires: .ticketsWrite) { request, context in
            let draft = try await request.decodeBody(as: IssueOrderDraft.self, context: context)
            let delivery = try await services.businessSystems.placeIssueOrder(
                draft, ticket: try context.ticket(), actor: context.identity.actor, tenant: context.identity.tenantID)
            return EditedResponse(
                status: .accepted, response: Wrapped(key: "issue_order", item: DeliveryRepresentation(delivery)))
        }
        api.get("tickets/:ticket/issue-orders", requires: .ticketsRead) { _, context in
            let deliveries = try await services.businessSystems.issueOrders(
                ticket: try context.ticket(), tenant: context.identity.tenantID)
            return Page(key: "issue_orders", items: deliveries.map { DeliveryRepresentation($0) }, nextCursor: nil)
        }
    }
}

/// A crm connector's sync: per kind where it stands, and the next scheduled run.
struct SyncStatusRepresentation: Encodable, Sendable {
    struct Kind: Encodable, Sendable {
        var kind: String
        var updatedSince: Date?
        /// Whether a run stopped part-way and continues from a stored page.
        var inProgress: Bool
        var runStartedAt: Date?
        var lastSuccessAt: Date?
        var lastError: String?
        var lastErrorAt: Date?
        var recordsSynced: Int64
    }

    var connectorId: ConnectorID
    var key: String
    var enabled: Bool
    var queued: Bool
    var nextRunAt: Date?
    var kinds: [Kind]

    init(_ status: BusinessSystemDesk.SyncStatus) {
        connectorId = status.connector.id
        key = status.connector.key
        enabled = status.connector.enabled
        queued = status.queued
        nextRunAt = status.nextRunAt
        kinds = CRMSyncKinds.chosen(status.connector.settings).map { kind in
            let state = status.states.first { $0.kind == kind } ?? CRMSyncState(kind: kind)
            return Kind(
                kind: kind, updatedSince: state.updatedSince, inProgress: state.pageCursor != nil,
                runStartedAt: state.runStartedAt, lastSuccessAt: state.lastSuccessAt, lastError: state.lastError,
                lastErrorAt: state.lastErrorAt, recordsSynced: state.recordsSynced)
        }
    }
}

/// One part's stock in one warehouse.
struct StockLevelRepresentation: Encodable, Sendable {
    var partNumber: String
    var warehouse: String
    var onHand: Double
    var reserved: Double
    var available: Double
    var unit: String

    init(_ level: StockLevel) {
        partNumber = level.partNumber
        warehouse = level.warehouse
        onHand = level.onHand
        reserved = level.reserved
        available = level.available
        unit = level.unit
    }
}
