import ConciergeCore
import ConciergeDomain
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/v1/assets`: devices and installed equipment, found by serial number, customer or
/// organization.
struct AssetRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("assets", requires: .customersRead) { request, context in
            let query = try DirectoryQueryParameters(request: request).assets()
            let page = try await services.customers.assets(query, tenant: context.identity.tenantID)
            return Page(key: "assets", items: page.items.map(AssetRepresentation.init), nextCursor: page.nextCursor)
        }
        api.post("assets", requires: .customersWrite) { request, context in
            let body = try await request.decodeBody(as: AssetBody.self, context: context)
            let asset = try await services.customers.createAsset(
                body.draft, actor: context.identity.actor, tenant: context.identity.tenantID)
            return try Wrapped(key: "asset", item: AssetRepresentation(asset)).created(
                at: "/api/v1/assets/\(asset.id)", request: request, context: context)
        }
        api.get("assets/:asset", requires: .customersRead) { _, context in
            let asset = try await services.customers.asset(try context.assetID(), tenant: context.identity.tenantID)
            return Wrapped(key: "asset", item: AssetRepresentation(asset))
        }
        api.patch("assets/:asset", requires: .customersWrite) { request, context in
            let id = try context.assetID()
            let body = try await request.decodeBody(as: AssetBody.self, context: context)
            let asset = try await services.customers.updateAsset(
                id, body.draft, actor: context.identity.actor, tenant: context.identity.tenantID)
            return Wrapped(key: "asset", item: AssetRepresentation(asset))
        }
        api.delete("assets/:asset", requires: .customersWrite) { _, context in
            try await services.customers.deleteAsset(
                try context.assetID(), actor: context.identity.actor, tenant: context.identity.tenantID)
            return Response(status: .noContent)
        }
    }
}

extension TenantContext {
    /// The `:asset` path parameter.
    func assetID() throws -> AssetID { try id("asset", of: "asset") }
}
