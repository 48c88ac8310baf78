import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `/admin/connectors`: the integration hub (``ConnectorHub``): the connectors, and one
/// connector's delivery log with replay of failed deliveries and a test send.
struct AdminConnectorRoutes {
    let services: HTTPServices
    let resources: WebResources

    /// Deliveries per page of the log.
    static let pageSize = 25

    func register(on console: RouterGroup<TenantContext>) {
        console.get("connectors", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let model = AdminConnectorsPage(
                connectors: try await services.connectors.list(tenant: context.identity.tenantID), viewer: viewer,
                now: Date())
            return viewer.respond(
                "admin-connectors", page: model, request: request, resources: resources,
                secureCookies: services.settings.secureCookies)
        }
        console.get("connectors/:id", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            return try await log(viewer, request, connector: try await connector(context))
        }
        console.post("connectors/:id/test", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let connector = try await connector(context)
            do {
                let delivery = try await services.connectors.sendTest(
                    connector.id.description, tenant: context.identity.tenantID)
                let flash: WebFlash = delivery.status == .delivered ? .adminTestDelivered : .adminTestFailed
                return services.redirect(to: AdminPaths.connector(connector.id), flash: flash)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                return try await refused(viewer, request, connector: connector, error: error)
            }
        }
        console.post("connectors/:id/deliveries/:delivery/replay", requires: .tenantWrite) { request, context in
            let viewer = try await AdminViewer.load(context, services: services, resources: resources)
            let tenant = context.identity.tenantID
            let connector = try await connector(context)
            let id: ConnectorDeliveryID = try context.id("delivery", of: "delivery")
            guard try await services.connectors.delivery(id, tenant: tenant).connectorID == connector.id else {
                throw AppError.notFound("delivery")
            }
            do {
                _ = try await services.connectors.replay(id, tenant: tenant)
                return services.redirect(to: AdminPaths.connector(connector.id), flash: .adminReplayed)
            } catch let error as AppError where AdminFormErrors.shows(error) {
                return try await refused(viewer, request, connector: connector, error: error)
            }
        }
    }

    private func connector(_ context: TenantContext) async throws -> Connector {
        // An id only: the API also takes a key here, but console links always carry the id.
        let id: ConnectorID = try context.id("id", of: "connector")
        return try await services.connectors.find(id.description, tenant: context.identity.tenantID)
    }

    /// The log again with the use case's reason above it.
    private func refused(_ viewer: WebViewer, _ request: Request, connector: Connector, error: AppError) async throws
        -> Response
    {
        let shown = AdminFormErrors(error, formFields: [], catalogue: viewer.catalogue)
        return try await log(
            viewer, request, connector: connector, error: shown, status: AdminFormErrors.status(of: error))
    }

    private func log(
        _ viewer: WebViewer, _ request: Request, connector: Connector, error: AdminFormErrors = .none,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let parameters = request.uri.queryParameters
        let filter = parameters.get("status").flatMap(AdminConnectorPage.Filter.init(rawValue:)) ?? .all
        let cursor = try parameters.get("cursor").map(DeliveryCursor.decode)
        let deliveries = try await services.connectors.deliveries(
            ConnectorDeliveryQuery(
                connectorID: connector.id, statuses: filter.statuses, before: cursor, limit: Self.pageSize),
            tenant: viewer.identity.tenantID)
        let next = deliveries.count == Self.pageSize ? deliveries.last.map(DeliveryCursor.encode) : nil
        let model = AdminConnectorPage(
            connector: connector, deliveries: deliveries, filter: filter, next: next, isFirstPage: cursor == nil,
            viewer: viewer, now: Date(), error: error)
        return viewer.respond(
            "admin-connector", page: model, request: request, resources: resources,
            secureCookies: services.settings.secureCookies, status: status)
    }

}
