import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `GET /agent/customers/{id}/panel`: the customer 360 as an HTML fragment for the side of a
/// ticket page (profile, organization, open and recent tickets, devices, contracts, ratings).
/// The ticket page asks for it once shown, so the ticket does not wait for it.
struct AgentCustomerPanelRoutes {
    let services: HTTPServices
    let resources: WebResources

    func register(on group: RouterGroup<TenantContext>) {
        group.get("customers/:customer/panel", requires: .ticketsRead) { _, context in
            let identity = context.identity
            guard let customer = context.parameters.get("customer").flatMap(CustomerID.init) else {
                throw AppError.notFound("customer")
            }
            let viewer = try await WebViewer.load(identity, services: services, resources: resources)
            let profile = try await services.customers.profile360(customer, tenant: identity.tenantID)
            let panel = AgentCustomerPanel(profile, viewer: viewer, now: Date())
            return WebResponse.html(
                resources.renderFragment("customer-panel", page: panel, catalogue: viewer.catalogue))
        }
    }
}
