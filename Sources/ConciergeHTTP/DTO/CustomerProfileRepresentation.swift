import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `GET /api/v1/customers/{id}/360`: the customer, their organization (absent when none),
/// assets, the 20 most recent tickets (newest first), ticket counts for every status and the
/// 20 most recent satisfaction surveys.
struct CustomerProfileRepresentation: ResponseEncodable {
    var customer: CustomerRepresentation
    var organization: OrganizationRepresentation?
    var assets: [AssetRepresentation]
    var tickets: [TicketRepresentation]
    var ticketCounts: [String: Int]
    var satisfaction: [SurveyRepresentation]

    init(_ profile: CustomerProfile) {
        customer = CustomerRepresentation(profile.customer)
        organization = profile.organization.map(OrganizationRepresentation.init)
        assets = profile.assets.map(AssetRepresentation.init)
        tickets = profile.recentTickets.map { TicketRepresentation($0, requester: profile.customer) }
        ticketCounts = Dictionary(
            uniqueKeysWithValues: TicketStatus.allCases.map { ($0.rawValue, profile.ticketCounts[$0] ?? 0) })
        satisfaction = profile.satisfaction.map(SurveyRepresentation.init)
    }
}
