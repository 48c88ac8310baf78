import Foundation

/// Odoo as a CRM source (partners, sale orders) and an ERP (stock quants, delivery pickings), over
/// the external JSON-RPC API.
///
/// Paging is `search_read` with `offset`/`limit`, ordered by `write_date, id`, filtered with
/// `write_date >= updatedSince` (Odoo stores UTC as `yyyy-MM-dd HH:mm:ss`). The cursor is the next
/// offset. Ticket summaries become notes (`message_post`) on the customer's partner.
public struct OdooConnector: CRMSource, ERPConnector {
    let configuration: OdooConfiguration
    let rpc: OdooRPCClient

    /// Creates a connector; the first call logs in.
    public init(
        configuration: OdooConfiguration, transport: any ConnectorHTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.rpc = OdooRPCClient(configuration: configuration, transport: transport, now: now)
    }

    /// One page of partners or orders changed since `updatedSince`.
    public func fetchPage(kind: CRMRecordKind, updatedSince: Date?, cursor: String?, pageSize: Int) async
        -> CRMPageResult
    {
        guard let query = configuration.queries[kind] else {
            return .failed(.permanent(reason: "odoo: no query configured for \(kind.rawValue)"))
        }
        guard let offset = OffsetCursor.parse(cursor, first: 0) else {
            return .failed(OffsetCursor.invalid(cursor, vendor: "odoo"))
        }
        var domain: [Any] = []
        if let filter = query.filter {
            guard let extra = try? JSONSerialization.jsonObject(with: Data(filter.utf8)) as? [Any] else {
                return .failed(.permanent(reason: "odoo: the \(kind.rawValue) filter is not a JSON domain list"))
            }
            domain += extra
        }
        if let updatedSince {
            domain.append([query.updatedField, ">=", WallClockTime.text(updatedSince, timeZone: query.timeZone)])
        }
        let kwargs: [String: Any] = [
            "fields": query.fields, "offset": offset, "limit": pageSize + 1,
            "order": "\(query.updatedField) asc, id asc",
        ]
        do {
            let rows = try await rpc.searchRead(query.object, domain: domain, kwargs: kwargs)
            let records = try query.records(from: Array(rows.prefix(pageSize)))
            return .fetched(records: records, nextCursor: rows.count > pageSize ? String(offset + pageSize) : nil)
        } catch let failure as IntegrationFailure {
            return .failed(failure)
        } catch {
            return .failed(.permanent(reason: "odoo \(kind.rawValue): \(error)"))
        }
    }

    /// Posts the ticket as a note on the customer's partner.
    public func pushTicketSummary(_ summary: TicketSummaryPayload) async -> ConnectorDeliveryOutcome {
        guard let template = configuration.ticketNoteTemplate else {
            return .permanent(reason: "odoo: ticket notes are not configured")
        }
        guard let partnerID = summary.customerExternalID.flatMap({ Int($0) }) else {
            return .permanent(reason: "odoo: ticket \(summary.ticketNumber) has no Odoo partner id")
        }
        do {
            let kwargs = try template.render(summary.templateValues)
            let result = try await rpc.execute("res.partner", "message_post", [[partnerID]], kwargs)
            return .delivered(summary: "odoo note \(VendorJSON.scalarText(result) ?? "?") on partner \(partnerID)")
        } catch let failure as IntegrationFailure {
            return failure.outcome
        } catch {
            return .permanent(reason: "odoo ticket note: \(error)")
        }
    }
}
