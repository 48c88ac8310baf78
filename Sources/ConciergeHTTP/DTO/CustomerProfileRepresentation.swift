import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `GET /api/v1/customers/{id}/360`: the customer, their organization (absent when none),
/// assets, the 20 most recent tickets (newest first), ticket counts for every status and the
/// 20 most recent satisfaction surveys, and the contracts of the customer or its organization
/// pulled from a CRM (latest ending first, each with `active` for today).
struct CustomerProfileRepresentation: ResponseEncodable {
    var customer: CustomerRepresentation
    var organization: OrganizationRepresentation?
    var assets: [AssetRepresentation]
    var tickets: [TicketRepresentation]
    var ticketCounts: [String: Int]
    var satisfaction: [SurveyRepresentation]
    var contracts: [ContractRepresentation]

    init(_ profile: CustomerProfile) {
        customer = CustomerRepresentation(profile.customer)
        organization = profile.organization.map(OrganizationRepresentation.init)
        assets = profile.assets.map(AssetRepresentation.init)
        tickets = profile.recentTickets.map { TicketRepresentation($0, requester: profile.customer) }
        ticketCounts = Dictionary(
            uniqueKeysWithValues: TicketStatus.allCases.map { ($0.rawValue, profile.ticketCounts[$0] ?? 0) })
        satisfaction = profile.satisfaction.map(SurveyRepresentation.init)
        let now = Date()
        contracts = profile.contracts.map { ContractRepresentation($0, at: now) }
    }
}

/// A contract pulled from a CRM (read-only here: the CRM owns it).
struct ContractRepresentation: Encodable {
    var id: String
    var connectorId: String
    var externalId: String
    var number: String
    var name: String?
    var status: String?
    var organizationId: String?
    var customerId: String?
    var startsAt: Date?
    var endsAt: Date?
    /// Whether it is in force now.
    var active: Bool
    var attributes: [String: JSONValue]
    var updatedAt: Date

    init(_ contract: Contract, at now: Date) {
        id = contract.id.uuidString.lowercased()
        connectorId = contract.connectorID.description
        externalId = contract.externalID
        number = contract.number
        name = contract.name
        status = contract.status
        organizationId = contract.organizationID?.description
        customerId = contract.customerID?.description
        startsAt = contract.startsAt
        endsAt = contract.endsAt
        active = contract.isActive(at: now)
        attributes = contract.attributes
        updatedAt = contract.updatedAt
    }
}
