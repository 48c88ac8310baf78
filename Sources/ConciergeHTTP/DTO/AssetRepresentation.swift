import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// An asset or device in JSON (snake_case keys); dates are `YYYY-MM-DD`.
struct AssetRepresentation: ResponseEncodable {
    var id: String
    var serialNumber: String
    var model: String
    var organizationId: String?
    var customerId: String?
    var region: String
    var installedOn: String?
    var warrantyEndsOn: String?
    var attributes: [String: JSONValue]
    var createdAt: Date
    var updatedAt: Date

    init(_ asset: Asset) {
        id = asset.id.description
        serialNumber = asset.serialNumber
        model = asset.model
        organizationId = asset.organizationID?.description
        customerId = asset.customerID?.description
        region = asset.region
        installedOn = asset.installedOn
        warrantyEndsOn = asset.warrantyEndsOn
        attributes = asset.attributes
        createdAt = asset.createdAt
        updatedAt = asset.updatedAt
    }
}
