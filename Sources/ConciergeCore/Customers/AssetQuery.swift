import ConciergeDomain

/// Filters and page of an asset list, ordered by serial number.
public struct AssetQuery: Sendable, Equatable {
    /// Exact serial number (trimmed), as scanned from the device's QR code.
    public var serialNumber: String?
    public var customerID: CustomerID?
    public var organizationID: OrganizationID?
    public var limit = 50
    /// Opaque position returned as `next_cursor` by the previous page.
    public var cursor: String?

    public init(
        serialNumber: String? = nil, customerID: CustomerID? = nil, organizationID: OrganizationID? = nil,
        limit: Int = 50, cursor: String? = nil
    ) {
        self.serialNumber = serialNumber
        self.customerID = customerID
        self.organizationID = organizationID
        self.limit = limit
        self.cursor = cursor
    }
}
