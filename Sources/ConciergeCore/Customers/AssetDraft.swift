import ConciergeDomain
import Foundation

/// An asset to create or the fields to change: `nil` keeps the current value; for the
/// optional fields `.some(nil)` clears it.
public struct AssetDraft: Sendable, Equatable {
    public var serialNumber: String?
    public var model: String?
    /// Left out on create: the organization of the asset's customer, if any.
    public var organizationID: OrganizationID??
    public var customerID: CustomerID??
    public var region: String?
    /// `YYYY-MM-DD`.
    public var installedOn: String??
    /// `YYYY-MM-DD`.
    public var warrantyEndsOn: String??
    public var attributes: [String: JSONValue]?

    public init(
        serialNumber: String? = nil, model: String? = nil, organizationID: OrganizationID?? = nil,
        customerID: CustomerID?? = nil, region: String? = nil, installedOn: String?? = nil,
        warrantyEndsOn: String?? = nil, attributes: [String: JSONValue]? = nil
    ) {
        self.serialNumber = serialNumber
        self.model = model
        self.organizationID = organizationID
        self.customerID = customerID
        self.region = region
        self.installedOn = installedOn
        self.warrantyEndsOn = warrantyEndsOn
        self.attributes = attributes
    }

    /// `asset` with the draft's fields applied (not yet validated).
    func applied(to asset: Asset) -> Asset {
        var result = asset
        if let serialNumber { result.serialNumber = serialNumber }
        if let model { result.model = model }
        if let organizationID { result.organizationID = organizationID }
        if let customerID { result.customerID = customerID }
        if let region { result.region = region }
        if let installedOn { result.installedOn = installedOn }
        if let warrantyEndsOn { result.warrantyEndsOn = warrantyEndsOn }
        if let attributes { result.attributes = attributes }
        return result
    }
}
