/// What an ``ERPConnector/lookupInventory(partNumbers:warehouse:)`` call came to.
public enum InventoryResult: Sendable, Equatable {
    /// One level per part and warehouse with stock records; parts the ERP does not know, or has
    /// no stock record for, are absent.
    case found([InventoryLevel])
    /// The lookup failed.
    case failed(IntegrationFailure)
}
