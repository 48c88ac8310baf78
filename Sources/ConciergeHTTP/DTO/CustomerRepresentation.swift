import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// A customer in JSON (snake_case keys).
struct CustomerRepresentation: ResponseEncodable {
    var id: String
    var name: String
    var emails: [String]
    var phones: [String]
    var externalIds: [String: String]
    var tier: String
    var tags: [String]
    var locale: String?
    var organizationId: String?
    var attributes: [String: JSONValue]
    var createdAt: Date
    var updatedAt: Date

    init(_ customer: Customer) {
        id = customer.id.description
        name = customer.name
        emails = customer.emails
        phones = customer.phones
        externalIds = customer.externalIDs
        tier = customer.tier
        tags = customer.tags
        locale = customer.locale?.rawValue
        organizationId = customer.organizationID?.description
        attributes = customer.attributes
        createdAt = customer.createdAt
        updatedAt = customer.updatedAt
    }
}
