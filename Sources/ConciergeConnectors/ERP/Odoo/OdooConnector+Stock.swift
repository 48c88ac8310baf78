/// Stock levels from `stock.quant` and issue orders as outgoing `stock.picking`s.
extension OdooConnector {
    private struct Product {
        var id: Int
        var code: String
        var unitID: Int?
        var unitName: String
    }

    /// Sums `quantity` and `reserved_quantity` of the internal-location quants of each part, per
    /// warehouse (`warehouse_id.code` when `warehouse` is given).
    public func lookupInventory(partNumbers: [String], warehouse: String?) async -> InventoryResult {
        do {
            let products = try await products(partNumbers)
            guard !products.isEmpty else { return .found([]) }
            var domain: [Any] = [["product_id", "in", products.map(\.id)], ["location_id.usage", "=", "internal"]]
            if let warehouse { domain.append(["warehouse_id.code", "=", warehouse]) }
            let quants = try await rpc.searchRead(
                "stock.quant", domain: domain,
                kwargs: ["fields": ["product_id", "warehouse_id", "quantity", "reserved_quantity"]])
            var levels: [String: InventoryLevel] = [:]
            for case let quant as [String: Any] in quants {
                guard let productID = Self.many2oneID(quant["product_id"]),
                    let product = products.first(where: { $0.id == productID })
                else { continue }
                let place = warehouse ?? Self.many2oneName(quant["warehouse_id"]) ?? "-"
                let onHand = Self.number(quant["quantity"])
                let reserved = Self.number(quant["reserved_quantity"])
                var level =
                    levels[product.code + "\u{1}" + place]
                    ?? InventoryLevel(
                        partNumber: product.code, warehouse: place, onHand: 0, reserved: 0, available: 0,
                        unit: product.unitName)
                level.onHand += onHand
                level.reserved += reserved
                level.available = level.onHand - level.reserved
                levels[product.code + "\u{1}" + place] = level
            }
            return .found(levels.values.sorted { ($0.partNumber, $0.warehouse) < ($1.partNumber, $1.warehouse) })
        } catch {
            return .failed(error)
        }
    }

    /// Finds the picking whose `origin` is the order's reference, or creates it with one move per line.
    public func createIssueOrder(_ order: IssueOrderRequest) async -> IssueOrderResult {
        let origin = order.reference
        let warehouse = order.warehouse ?? configuration.defaultWarehouse
        guard let pickingType = configuration.pickingTypeByWarehouse[warehouse],
            let source = configuration.sourceLocationByWarehouse[warehouse]
        else {
            return .failed(.permanent(reason: "odoo: no operation type or stock location configured for \(warehouse)"))
        }
        guard let partnerID = Int(order.customerExternalID) else {
            return .failed(.permanent(reason: "odoo: customer id '\(order.customerExternalID)' is not a partner id"))
        }
        do {
            let existing = try await rpc.searchRead(
                "stock.picking", domain: [["origin", "=", origin]], kwargs: ["fields": ["name"], "limit": 1])
            if let name = (existing.first as? [String: Any])?["name"] as? String {
                return .created(documentNumber: name, alreadyExisted: true)
            }
            let products = try await products(order.lines.map(\.partNumber))
            var moves: [Any] = []
            for line in order.lines {
                guard let product = products.first(where: { $0.code == line.partNumber }) else {
                    return .failed(.permanent(reason: "odoo: no product with internal reference \(line.partNumber)"))
                }
                var move: [String: Any] = [
                    "name": "\(order.ticketNumber) \(line.partNumber)", "product_id": product.id,
                    "product_uom_qty": line.quantity, "location_id": source,
                    "location_dest_id": configuration.customerLocationID,
                ]
                if let unit = product.unitID { move["product_uom"] = unit }
                moves.append([0, 0, move])
            }
            let values: [String: Any] = [
                "picking_type_id": pickingType, "partner_id": partnerID, "origin": origin, "location_id": source,
                "location_dest_id": configuration.customerLocationID, configuration.moveField: moves,
            ]
            let created = try await rpc.execute("stock.picking", "create", [values])
            guard
                let pickingID = VendorJSON.integer(created)
                    ?? (created as? [Any]).flatMap({ VendorJSON.integer($0.first) }),
                let row = try await rpc.execute("stock.picking", "read", [[pickingID]], ["fields": ["name"]]) as? [Any],
                let name = (row.first as? [String: Any])?["name"] as? String
            else {
                return .failed(.protocolViolation("odoo", "stock.picking create answered no readable picking"))
            }
            return .created(documentNumber: name, alreadyExisted: false)
        } catch {
            return .failed(error)
        }
    }

    private func products(_ codes: [String]) async throws(IntegrationFailure) -> [Product] {
        let rows = try await rpc.searchRead(
            "product.product", domain: [["default_code", "in", codes]],
            kwargs: ["fields": ["id", "default_code", "uom_id"]])
        return rows.compactMap { row in
            guard let row = row as? [String: Any], let id = VendorJSON.integer(row["id"]),
                let code = row["default_code"] as? String
            else { return nil }
            return Product(
                id: id, code: code, unitID: Self.many2oneID(row["uom_id"]),
                unitName: Self.many2oneName(row["uom_id"]) ?? "")
        }
    }

    /// The id of a many2one value `[id, "display name"]`.
    static func many2oneID(_ value: Any?) -> Int? {
        (value as? [Any]).flatMap { VendorJSON.integer($0.first) }
    }

    /// The display name of a many2one value.
    static func many2oneName(_ value: Any?) -> String? {
        (value as? [Any]).flatMap { $0.count > 1 ? $0[1] as? String : nil }
    }

    private static func number(_ value: Any?) -> Double {
        VendorJSON.scalarText(value).flatMap(Double.init) ?? 0
    }
}
