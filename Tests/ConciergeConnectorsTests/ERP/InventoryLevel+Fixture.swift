import ConciergeConnectors

extension InventoryLevel {
    /// A level written compactly in expectations: part, warehouse, on hand, reserved, available, unit.
    static func level(
        _ part: String, _ warehouse: String, _ onHand: Double, _ reserved: Double, _ available: Double,
        _ unit: String
    ) -> InventoryLevel {
        InventoryLevel(
            partNumber: part, warehouse: warehouse, onHand: onHand, reserved: reserved, available: available,
            unit: unit)
    }
}
