import ConciergeCore
import ConciergeDomain
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/v1/customers`: list and search (name, email or phone prefix; pinyin order), create,
/// read, change, the customer 360 and merging two customers.
struct CustomerRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("customers", requires: .customersRead) { request, context in
            let query = try DirectoryQueryParameters(request: request).customers()
            let page = try await services.customers.list(query, tenant: context.identity.tenantID)
            return Page(
                key: "customers", items: page.items.map(CustomerRepresentation.init), nextCursor: page.nextCursor)
        }
        api.post("customers", requires: .customersWrite) { request, context in
            let body = try await request.decodeBody(as: CustomerBody.self, context: context)
            let customer = try await services.customers.create(
                body.draft, actor: context.identity.actor, tenant: context.identity.tenantID)
            return try Wrapped(key: "customer", item: CustomerRepresentation(customer)).created(
                at: "/api/v1/customers/\(customer.id)", request: request, context: context)
        }
        api.get("customers/:customer", requires: .customersRead) { _, context in
            let customer = try await services.customers.get(try context.customerID(), tenant: context.identity.tenantID)
            return Wrapped(key: "customer", item: CustomerRepresentation(customer))
        }
        api.patch("customers/:customer", requires: .customersWrite) { request, context in
            let id = try context.customerID()
            let body = try await request.decodeBody(as: CustomerBody.self, context: context)
            let customer = try await services.customers.update(
                id, body.draft, actor: context.identity.actor, tenant: context.identity.tenantID)
            return Wrapped(key: "customer", item: CustomerRepresentation(customer))
        }
        api.get("customers/:customer/360", requires: .customersRead) { _, context in
            let profile = try await services.customers.profile360(
                try context.customerID(), tenant: context.identity.tenantID)
            return CustomerProfileRepresentation(profile)
        }
        api.post("customers/:customer/merge", requires: .customersWrite) { request, context in
            let target = try context.customerID()
            let body = try await request.decodeBody(as: CustomerMergeBody.self, context: context)
            let merged = try await services.customers.merge(
                body.sourceId, into: target, actor: context.identity.actor, tenant: context.identity.tenantID)
            return Wrapped(key: "customer", item: CustomerRepresentation(merged))
        }
    }
}

extension TenantContext {
    /// The `:customer` path parameter.
    func customerID() throws -> CustomerID { try id("customer", of: "customer") }
}
