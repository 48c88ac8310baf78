import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// A customer organization in JSON (snake_case keys).
struct OrganizationRepresentation: ResponseEncodable {
    var id: String
    var name: String
    var domains: [String]
    var tier: String
    var externalIds: [String: String]
    var notes: String
    var createdAt: Date
    var updatedAt: Date

    init(_ organization: Organization) {
        id = organization.id.description
        name = organization.name
        domains = organization.domains
        tier = organization.tier
        externalIds = organization.externalIDs
        notes = organization.notes
        createdAt = organization.createdAt
        updatedAt = organization.updatedAt
    }
}
