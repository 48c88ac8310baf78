import ConciergeCore
import ConciergeDomain
import Foundation

/// `POST /api/v1/organizations` and `PATCH /api/v1/organizations/{id}`: absent keys keep
/// their value; `domains` replaces the whole list.
struct OrganizationBody: Decodable {
    var name: String?
    var domains: [String]?
    var tier: String?
    var externalIds: [String: String]?
    var notes: String?

    enum CodingKeys: String, CodingKey {
        case name, domains, tier, notes
        case externalIds = "external_ids"
    }

    var draft: OrganizationDraft {
        OrganizationDraft(name: name, domains: domains, tier: tier, externalIDs: externalIds, notes: notes)
    }
}
