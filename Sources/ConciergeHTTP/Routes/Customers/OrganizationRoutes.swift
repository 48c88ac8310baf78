import ConciergeCore
import ConciergeDomain
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/v1/organizations`: customer organizations and the email domains that join new
/// customers to them.
struct OrganizationRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("organizations", requires: .customersRead) { request, context in
            let query = try DirectoryQueryParameters(request: request).organizations()
            let page = try await services.customers.organizations(query, tenant: context.identity.tenantID)
            return Page(
                key: "organizations", items: page.items.map(OrganizationRepresentation.init),
                nextCursor: page.nextCursor)
        }
        api.post("organizations", requires: .customersWrite) { request, context in
            let body = try await request.decodeBody(as: OrganizationBody.self, context: context)
            let organization = try await services.customers.createOrganization(
                body.draft, actor: context.identity.actor, tenant: context.identity.tenantID)
            return try Wrapped(key: "organization", item: OrganizationRepresentation(organization)).created(
                at: "/api/v1/organizations/\(organization.id)", request: request, context: context)
        }
        api.get("organizations/:organization", requires: .customersRead) { _, context in
            let organization = try await services.customers.organization(
                try context.organizationID(), tenant: context.identity.tenantID)
            return Wrapped(key: "organization", item: OrganizationRepresentation(organization))
        }
        api.patch("organizations/:organization", requires: .customersWrite) { request, context in
            let id = try context.organizationID()
            let body = try await request.decodeBody(as: OrganizationBody.self, context: context)
            let organization = try await services.customers.updateOrganization(
                id, body.draft, actor: context.identity.actor, tenant: context.identity.tenantID)
            return Wrapped(key: "organization", item: OrganizationRepresentation(organization))
        }
        api.delete("organizations/:organization", requires: .customersWrite) { _, context in
            try await services.customers.deleteOrganization(
                try context.organizationID(), actor: context.identity.actor, tenant: context.identity.tenantID)
            return Response(status: .noContent)
        }
    }
}

extension TenantContext {
    /// The `:organization` path parameter.
    func organizationID() throws -> OrganizationID { try id("organization", of: "organization") }
}
