import Crypto
import Foundation

/// Current stock and other-out (其他出库单) documents.
extension YonyouConnector {
    /// The current stock of `partNumbers`, one level per part and warehouse.
    public func lookupInventory(partNumbers: [String], warehouse: String?) async -> InventoryResult {
        let fields = configuration.inventoryFields
        var body: [String: Any] = [fields.requestParts: partNumbers]
        if let warehouse { body[fields.requestWarehouse] = warehouse }
        do {
            let data = try await client.call(configuration.inventoryPath, body)
            guard let rows = (data as? [Any]) ?? ((data as? [String: Any])?["recordList"] as? [Any]) else {
                return .failed(.protocolViolation("yonyou", "the stock query answered no rows"))
            }
            let levels = try rows.map { row throws(FieldMappingError) in
                let onHand = try FieldMapping("onHand", from: fields.onHand, .number).value(in: row)
                let available = try FieldMapping("available", from: fields.available, .number).value(in: row)
                let onHandQuantity = Self.quantity(onHand)
                let availableQuantity = available.map(Self.quantity) ?? onHandQuantity
                return InventoryLevel(
                    partNumber: try FieldMapping("partNumber", from: fields.partNumber, required: true)
                        .value(in: row)?.description ?? "",
                    warehouse: try FieldMapping("warehouse", from: fields.warehouse).value(in: row)?.description
                        ?? warehouse ?? "-",
                    onHand: onHandQuantity, reserved: onHandQuantity - availableQuantity,
                    available: availableQuantity,
                    unit: try FieldMapping("unit", from: fields.unit).value(in: row)?.description ?? "")
            }
            return .found(levels)
        } catch let failure as IntegrationFailure {
            return .failed(failure)
        } catch {
            return .failed(.permanent(reason: "yonyou stock: \(error)"))
        }
    }

    /// Saves the other-out document with `resubmitCheckKey` derived from the idempotency key, so
    /// the gateway answers a retry with the document of the first attempt instead of a second one.
    public func createIssueOrder(_ order: IssueOrderRequest) async -> IssueOrderResult {
        let warehouse = order.warehouse ?? configuration.defaultWarehouse
        do {
            var document = try configuration.issueTemplate.render(order, warehouse: warehouse, date: now())
            document["resubmitCheckKey"] = Self.resubmitCheckKey(order.idempotencyKey)
            let data = try await client.call(configuration.issuePath, ["data": document]) as? [String: Any]
            guard let number = VendorJSON.scalarText(data?["code"]), !number.isEmpty else {
                return .failed(.protocolViolation("yonyou", "the save answered no document code"))
            }
            // The gateway does not say whether it replayed an earlier save, so this cannot either.
            return .created(documentNumber: number, alreadyExisted: false)
        } catch let failure as IntegrationFailure {
            return .failed(failure)
        } catch {
            return .failed(.permanent(reason: "yonyou issue order template: \(error)"))
        }
    }

    /// 32 hex characters of SHA-256(key): the gateway limits the key's length and charset.
    static func resubmitCheckKey(_ idempotencyKey: String) -> String {
        SHA256.hash(data: Array(idempotencyKey.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    private static func quantity(_ value: FieldValue?) -> Double {
        if case .number(let number) = value { return number }
        return 0
    }
}
