import ConciergeCore
import ConciergeDomain
import Foundation

/// `POST /api/v1/assets` and `PATCH /api/v1/assets/{id}`: absent keys keep their value;
/// `null` clears `organization_id`, `customer_id`, `installed_on` and `warranty_ends_on`.
/// Dates are written `YYYY-MM-DD`.
struct AssetBody: Decodable {
    var draft = AssetDraft()

    enum CodingKeys: String, CodingKey {
        case model, region, attributes
        case serialNumber = "serial_number"
        case organizationId = "organization_id"
        case customerId = "customer_id"
        case installedOn = "installed_on"
        case warrantyEndsOn = "warranty_ends_on"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        draft.serialNumber = try container.decodeIfPresent(String.self, forKey: .serialNumber)
        draft.model = try container.decodeIfPresent(String.self, forKey: .model)
        draft.organizationID = try container.decodeNullable(OrganizationID.self, forKey: .organizationId)
        draft.customerID = try container.decodeNullable(CustomerID.self, forKey: .customerId)
        draft.region = try container.decodeIfPresent(String.self, forKey: .region)
        draft.installedOn = try container.decodeNullable(String.self, forKey: .installedOn)
        draft.warrantyEndsOn = try container.decodeNullable(String.self, forKey: .warrantyEndsOn)
        draft.attributes = try container.decodeIfPresent([String: JSONValue].self, forKey: .attributes)
    }
}
