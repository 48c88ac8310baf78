import ConciergeConnectors
import ConciergeCore
import ConciergeDomain
import Foundation

/// Reads a connector message (its ticket summary and, for issue orders, the order under
/// `issue_order` or a rule's `rule_payload`) into the vendor requests of `crm` and `erp`
/// connectors.
enum BusinessSystemMessages {
    /// The ticket as a CRM sees it; `nil` when the message is about no ticket.
    static func ticketSummary(_ message: ConnectorMessage) -> TicketSummaryPayload? {
        guard let ticket = object(message.payload, "ticket"), let number = ticket["number"]?.wholeNumber else {
            return nil
        }
        let requester = object(.object(ticket), "requester")
        let organization = object(.object(ticket), "organization")
        let opened = ticket["created_at"]?.stringValue.flatMap { try? Date($0, strategy: .iso8601) }
        let updated = ticket["updated_at"]?.stringValue.flatMap { try? Date($0, strategy: .iso8601) }
        return TicketSummaryPayload(
            ticketNumber: "#\(number)", subject: ticket["subject"]?.stringValue ?? "",
            summary: ticket["description"]?.stringValue ?? message.text,
            status: ticket["status"]?.stringValue ?? "", priority: ticket["priority"]?.stringValue ?? "",
            customerExternalID: requester?["external_id"]?.stringValue,
            organizationExternalID: organization?["external_id"]?.stringValue,
            url: ticket["url"]?.stringValue ?? message.link, openedAt: opened ?? message.occurredAt,
            updatedAt: updated ?? message.occurredAt)
    }

    /// The issue order the message asks for: `{"lines": [{"part_number", "quantity"}], "warehouse",
    /// "customer_external_id"}` under `issue_order` (the API) or `rule_payload` (a rule's
    /// `call_connector`). The customer defaults to the ticket organization's id in the ERP, then
    /// the requester's; the idempotency key is the delivery's id, the same on every attempt.
    static func issueOrder(_ message: ConnectorMessage) throws(BusinessSystemFailure) -> IssueOrderRequest {
        guard let order = object(message.payload, "issue_order") ?? object(message.payload, "rule_payload") else {
            throw BusinessSystemFailure(
                reason: "erp connectors take issue orders; this message has none", retryable: false)
        }
        guard let summary = ticketSummary(message) else {
            throw BusinessSystemFailure(reason: "an issue order needs a ticket", retryable: false)
        }
        guard case .array(let items)? = order["lines"], !items.isEmpty else {
            throw BusinessSystemFailure(reason: "the issue order has no lines", retryable: false)
        }
        var lines: [IssueOrderRequest.Line] = []
        for item in items {
            guard case .object(let line) = item, let part = line["part_number"]?.stringValue, !part.isEmpty,
                case .number(let quantity)? = line["quantity"], quantity > 0
            else {
                throw BusinessSystemFailure(
                    reason: "an issue order line is {part_number, quantity > 0}", retryable: false)
            }
            lines.append(IssueOrderRequest.Line(partNumber: part, quantity: quantity))
        }
        guard
            let customer = order["customer_external_id"]?.stringValue ?? summary.organizationExternalID
                ?? summary.customerExternalID
        else {
            throw BusinessSystemFailure(
                reason: "neither the ticket's organization nor its requester has an id in this ERP (external_ids)",
                retryable: false)
        }
        return IssueOrderRequest(
            ticketNumber: summary.ticketNumber, customerExternalID: customer, lines: lines,
            warehouse: order["warehouse"]?.stringValue, idempotencyKey: message.deliveryID.description)
    }

    private static func object(_ value: JSONValue, _ key: String) -> [String: JSONValue]? {
        guard case .object(let fields) = value, case .object(let inner)? = fields[key] else { return nil }
        return inner
    }
}

/// Core's ``BusinessSystems`` on the vendor presets.
struct VendorBusinessSystems: BusinessSystems {
    let factory: BusinessSystemFactory

    func fetchPage(_ endpoint: ConnectorEndpoint, kind: String, updatedSince: Date?, cursor: String?, pageSize: Int)
        async -> CRMSyncPage
    {
        guard let recordKind = CRMRecordKind(rawValue: kind) else {
            return .failed(BusinessSystemFailure(reason: "unknown kind \(kind)", retryable: false))
        }
        let crm: any CRMSource
        do { crm = try factory.crm(endpoint) } catch { return .failed(error) }
        switch await crm.fetchPage(kind: recordKind, updatedSince: updatedSince, cursor: cursor, pageSize: pageSize) {
        case .fetched(let records, let next):
            return .fetched(
                records.map { record in
                    CRMSyncRecord(
                        externalID: record.externalID, updatedAt: record.updatedAt,
                        fields: record.fields.mapValues(Self.json), rawJSON: record.rawJSON)
                }, next: next)
        case .failed(let failure): return .failed(Self.failure(failure))
        }
    }

    func lookupInventory(_ endpoint: ConnectorEndpoint, parts: [String], warehouse: String?) async -> InventoryLookup {
        let erp: any ERPConnector
        do { erp = try factory.erp(endpoint) } catch { return .failed(error) }
        switch await erp.lookupInventory(partNumbers: parts, warehouse: warehouse) {
        case .found(let levels):
            return .found(
                levels.map {
                    StockLevel(
                        partNumber: $0.partNumber, warehouse: $0.warehouse, onHand: $0.onHand, reserved: $0.reserved,
                        available: $0.available, unit: $0.unit)
                })
        case .failed(let failure): return .failed(Self.failure(failure))
        }
    }

    static func failure(_ failure: IntegrationFailure) -> BusinessSystemFailure {
        switch failure {
        case .retryable(let reason, let retryAfter):
            BusinessSystemFailure(reason: reason, retryable: true, retryAfter: retryAfter)
        case .permanent(let reason): BusinessSystemFailure(reason: reason, retryable: false)
        }
    }

    static func json(_ value: FieldValue) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .number(let number): .number(number)
        case .bool(let flag): .bool(flag)
        case .date: .string(value.description)
        case .null: .null
        }
    }
}
