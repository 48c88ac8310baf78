import ConciergeDomain
import Foundation

/// An organization to create or the fields to change (`nil` keeps the current value).
public struct OrganizationDraft: Sendable, Equatable {
    public var name: String?
    public var domains: [String]?
    public var tier: String?
    public var externalIDs: [String: String]?
    public var notes: String?

    public init(
        name: String? = nil, domains: [String]? = nil, tier: String? = nil, externalIDs: [String: String]? = nil,
        notes: String? = nil
    ) {
        self.name = name
        self.domains = domains
        self.tier = tier
        self.externalIDs = externalIDs
        self.notes = notes
    }

    /// `organization` with the draft's fields applied (not yet validated).
    func applied(to organization: Organization) -> Organization {
        var result = organization
        if let name { result.name = name }
        if let domains { result.domains = domains }
        if let tier { result.tier = tier }
        if let externalIDs { result.externalIDs = externalIDs }
        if let notes { result.notes = notes }
        return result
    }
}
