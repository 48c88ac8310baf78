import ConciergeDomain
import Foundation

extension CustomerDirectory {
    /// The customer 360: profile, organization, assets, the most recent tickets, ticket
    /// counts by status, satisfaction history and CRM contracts, read in one transaction so that they agree with each other.
    /// - Throws: `notFound` for an unknown customer.
    public func profile360(_ id: CustomerID, tenant: TenantID) async throws -> CustomerProfile {
        try await store.transaction(tenant) { tx in
            guard let customer = try await tx.customers.find(id: id) else { throw AppError.notFound("customer") }
            let organization =
                try await customer.organizationID.asyncMap { try await tx.organizations.find(id: $0) } ?? nil
            let assets = try await tx.assets.related(
                to: id, organization: organization?.id, limit: CustomerProfile.assetLimit)
            var query = TicketQuery()
            query.requesterID = id
            query.sort = .createdAt
            query.limit = CustomerProfile.recentTicketLimit
            let tickets = try await tx.tickets.list(query).tickets
            let counts = try await tx.tickets.statusCounts(requester: id)
            var profile = CustomerProfile(
                customer: customer, organization: organization, assets: assets, recentTickets: tickets,
                ticketCounts: counts)
            profile.satisfaction = try await tx.satisfaction.surveys(ofCustomer: id, limit: CustomerProfile.surveyLimit)
            profile.contracts = try await tx.crmSync.contracts(
                customer: id, organization: organization?.id, limit: CustomerProfile.contractLimit)
            return profile
        }
    }
}
