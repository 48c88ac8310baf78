import Foundation

/// A service contract (agreement, confirmed order) pulled from a CRM or ERP by a `crm`
/// connector: what a customer or an organization is entitled to. Read-only in Concierge — the
/// CRM owns it; the next sync overwrites local changes.
public struct Contract: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var tenantID: TenantID
    /// The `crm` connector it came from, and the record's id there.
    public var connectorID: ConnectorID
    public var externalID: String
    /// The contract number people quote (`SO0042`, `HT-2024-001`).
    public var number: String
    public var name: String?
    public var status: String?
    public var organizationID: OrganizationID?
    public var customerID: CustomerID?
    public var startsAt: Date?
    public var endsAt: Date?
    /// The preset's other mapped fields (amount, …).
    public var attributes: [String: JSONValue]
    /// When the CRM last changed it.
    public var externalUpdatedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), tenantID: TenantID, connectorID: ConnectorID, externalID: String, number: String,
        name: String? = nil, status: String? = nil, organizationID: OrganizationID? = nil,
        customerID: CustomerID? = nil, startsAt: Date? = nil, endsAt: Date? = nil,
        attributes: [String: JSONValue] = [:], externalUpdatedAt: Date? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.connectorID = connectorID
        self.externalID = externalID
        self.number = number
        self.name = name
        self.status = status
        self.organizationID = organizationID
        self.customerID = customerID
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.attributes = attributes
        self.externalUpdatedAt = externalUpdatedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether the contract is in force at `date` (no start or started, no end or not ended).
    public func isActive(at date: Date) -> Bool {
        (startsAt.map { $0 <= date } ?? true) && (endsAt.map { date < $0 } ?? true)
    }
}
