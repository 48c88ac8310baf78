/// Stock from `STK_Inventory` and issue orders saved as `STK_MisDelivery` (or the configured form).
extension KingdeeConnector {
    /// Sums the inventory rows of each material per warehouse; available = on hand − locked.
    public func lookupInventory(partNumbers: [String], warehouse: String?) async -> InventoryResult {
        let keys = configuration.inventoryFields
        var conditions = ["\(keys.partNumber) IN (\(partNumbers.map(Self.quoted).joined(separator: ",")))"]
        if let warehouse { conditions.append("\(keys.warehouse) = \(Self.quoted(warehouse))") }
        do {
            let rows = try await billQuery(
                formID: "STK_Inventory",
                fields: [keys.partNumber, keys.warehouse, keys.onHand, keys.reserved, keys.unit],
                filter: conditions.joined(separator: " AND "), order: "", startRow: 0, limit: 2000)
            var levels: [String: InventoryLevel] = [:]
            for row in rows {
                guard let part = VendorJSON.scalarText(row[keys.partNumber]) else { continue }
                let place = VendorJSON.scalarText(row[keys.warehouse]) ?? "-"
                var level =
                    levels[part + "\u{1}" + place]
                    ?? InventoryLevel(
                        partNumber: part, warehouse: place, onHand: 0, reserved: 0, available: 0,
                        unit: VendorJSON.scalarText(row[keys.unit]) ?? "")
                level.onHand += Self.number(row[keys.onHand])
                level.reserved += Self.number(row[keys.reserved])
                level.available = level.onHand - level.reserved
                levels[part + "\u{1}" + place] = level
            }
            return .found(levels.values.sorted { ($0.partNumber, $0.warehouse) < ($1.partNumber, $1.warehouse) })
        } catch {
            return .failed(error)
        }
    }

    /// Looks for a document whose reference field holds the order's reference; saves one if there is none.
    public func createIssueOrder(_ order: IssueOrderRequest) async -> IssueOrderResult {
        let warehouse = order.warehouse ?? configuration.defaultWarehouse
        do {
            let existing = try await billQuery(
                formID: configuration.issueFormID, fields: ["FBillNo"],
                filter: "\(configuration.referenceField) = \(Self.quoted(order.reference))", order: "FBillNo ASC",
                startRow: 0, limit: 1)
            if let number = existing.first.flatMap({ VendorJSON.scalarText($0["FBillNo"]) }) {
                return .created(documentNumber: number, alreadyExisted: true)
            }
            let model: [String: Any]
            do {
                model = try configuration.issueTemplate.render(order, warehouse: warehouse, date: now())
            } catch {
                return .failed(.permanent(reason: "kingdee issue order template: \(error)"))
            }
            let number = try await save(formID: configuration.issueFormID, model: model)
            return .created(documentNumber: number, alreadyExisted: false)
        } catch {
            return .failed(error)
        }
    }

    private static func number(_ value: Any?) -> Double {
        VendorJSON.scalarText(value).flatMap(Double.init) ?? 0
    }
}
