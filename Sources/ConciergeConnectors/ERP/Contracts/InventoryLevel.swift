/// The stock of one part in one warehouse, as the ERP reports it.
public struct InventoryLevel: Sendable, Equatable {
    /// The part (material, product) number, e.g. `P-1001`.
    public var partNumber: String
    /// The warehouse code or name the quantities are for.
    public var warehouse: String
    /// Physically in stock.
    public var onHand: Double
    /// Promised to other orders (reserved, locked).
    public var reserved: Double
    /// What can be issued now: on hand minus reserved unless the ERP reports it itself.
    public var available: Double
    /// The unit of measure, e.g. `PCS`, `Units`, `个`.
    public var unit: String

    /// Creates a level.
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
