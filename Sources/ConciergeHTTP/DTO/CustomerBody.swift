import ConciergeCore
import ConciergeDomain
import Foundation

/// `POST /api/v1/customers` and `PATCH /api/v1/customers/{id}`: absent keys keep their value;
/// `null` clears `locale` and `organization_id`. On create, leaving out `organization_id`
/// joins the organization that owns the email domain.
struct CustomerBody: Decodable {
    var draft = CustomerDraft()

    enum CodingKeys: String, CodingKey {
        case name, emails, phones, tier, tags, locale, attributes
        case externalIds = "external_ids"
        case organizationId = "organization_id"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        draft.name = try container.decodeIfPresent(String.self, forKey: .name)
        draft.emails = try container.decodeIfPresent([String].self, forKey: .emails)
        draft.phones = try container.decodeIfPresent([String].self, forKey: .phones)
        draft.externalIDs = try container.decodeIfPresent([String: String].self, forKey: .externalIds)
        draft.tier = try container.decodeIfPresent(String.self, forKey: .tier)
        draft.tags = try container.decodeIfPresent([String].self, forKey: .tags)
        draft.locale = try container.decodeNullable(Tenant.Locale.self, forKey: .locale)
        draft.organizationID = try container.decodeNullable(OrganizationID.self, forKey: .organizationId)
        draft.attributes = try container.decodeIfPresent([String: JSONValue].self, forKey: .attributes)
    }
}
