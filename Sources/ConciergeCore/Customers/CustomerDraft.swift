import ConciergeDomain
import Foundation

/// A customer to create or the fields to change: `nil` keeps the current value; for the
/// optional fields `.some(nil)` clears it.
public struct CustomerDraft: Sendable, Equatable {
    public var name: String?
    public var emails: [String]?
    public var phones: [String]?
    public var externalIDs: [String: String]?
    public var tier: String?
    public var tags: [String]?
    public var locale: Tenant.Locale??
    /// Left out on create: joined to the organization that owns the customer's email domain.
    public var organizationID: OrganizationID??
    public var attributes: [String: JSONValue]?

    public init(
        name: String? = nil, emails: [String]? = nil, phones: [String]? = nil, externalIDs: [String: String]? = nil,
        tier: String? = nil, tags: [String]? = nil, locale: Tenant.Locale?? = nil,
        organizationID: OrganizationID?? = nil, attributes: [String: JSONValue]? = nil
    ) {
        self.name = name
        self.emails = emails
        self.phones = phones
        self.externalIDs = externalIDs
        self.tier = tier
        self.tags = tags
        self.locale = locale
        self.organizationID = organizationID
        self.attributes = attributes
    }

    /// `customer` with the draft's fields applied (not yet validated).
    func applied(to customer: Customer) -> Customer {
        var result = customer
        if let name { result.name = name }
        if let emails { result.emails = emails }
        if let phones { result.phones = phones }
        if let externalIDs { result.externalIDs = externalIDs }
        if let tier { result.tier = tier }
        if let tags { result.tags = tags }
        if let locale { result.locale = locale }
        if let organizationID { result.organizationID = organizationID }
        if let attributes { result.attributes = attributes }
        return result
    }
}
