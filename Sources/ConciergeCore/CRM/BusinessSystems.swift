import ConciergeDomain
import Foundation

/// The reading half of the `crm` and `erp` connectors, spoken through their vendor presets:
/// pages of changed records for a sync, and spare-part stock. (What they are sent — ticket
/// summaries, issue orders — goes through the ``ConnectorGateway`` as deliveries.)
public protocol BusinessSystems: Sendable {
    /// One page of `kind` (`organizations`, `customers`, `contracts`) changed at or after
    /// `updatedSince` (everything when `nil`), from `cursor` (the first page when `nil`).
    func fetchPage(
        _ endpoint: ConnectorEndpoint, kind: String, updatedSince: Date?, cursor: String?, pageSize: Int
    ) async -> CRMSyncPage

    /// The stock of `parts` in `warehouse` (every warehouse when `nil`).
    func lookupInventory(_ endpoint: ConnectorEndpoint, parts: [String], warehouse: String?) async
        -> InventoryLookup
}

/// One record of a CRM page, mapped by its preset to Concierge's names (`name`, `email`,
/// `phone`, `organization_external_id`, `number`, `starts_at`, …).
public struct CRMSyncRecord: Sendable, Equatable {
    /// The vendor's id of the record.
    public var externalID: String
    /// When the vendor last changed it.
    public var updatedAt: Date?
    /// The mapped fields (dates as ISO 8601 texts).
    public var fields: [String: JSONValue]
    /// The vendor's record as JSON text.
    public var rawJSON: String

    public init(externalID: String, updatedAt: Date?, fields: [String: JSONValue], rawJSON: String) {
        self.externalID = externalID
        self.updatedAt = updatedAt
        self.fields = fields
        self.rawJSON = rawJSON
    }
}

/// Why a call to a CRM or ERP failed, and whether trying later may help.
public struct BusinessSystemFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var retryable: Bool
    public var retryAfter: Duration?

    public init(reason: String, retryable: Bool, retryAfter: Duration? = nil) {
        self.reason = reason
        self.retryable = retryable
        self.retryAfter = retryAfter
    }

    public var description: String { (retryable ? "retryable: " : "permanent: ") + reason }
}

/// What one page request came to.
public enum CRMSyncPage: Sendable, Equatable {
    /// The records, and the next page's cursor (`nil` after the last page).
    case fetched([CRMSyncRecord], next: String?)
    case failed(BusinessSystemFailure)
}

/// The stock of one part in one warehouse.
public struct StockLevel: Sendable, Equatable {
    public var partNumber: String
    public var warehouse: String
    public var onHand: Double
    public var reserved: Double
    public var available: Double
    public var unit: String

    public init(
        partNumber: String, warehouse: String, onHand: Double, reserved: Double, available: Double, unit: String
    ) {
        self.partNumber = partNumber
        self.warehouse = warehouse
        self.onHand = onHand
        self.reserved = reserved
        self.available = available
        self.unit = unit
    }
}

/// What a stock lookup came to.
public enum InventoryLookup: Sendable, Equatable {
    /// One level per part and warehouse the ERP has a stock record for.
    case found([StockLevel])
    case failed(BusinessSystemFailure)
}
