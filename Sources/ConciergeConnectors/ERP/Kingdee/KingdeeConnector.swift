import Foundation

/// Kingdee 金蝶云星空 (K/3 Cloud) as a customer master and an ERP, over its WebAPI.
///
/// Lists use `ExecuteBillQuery` (`FormId`, `FieldKeys`, `FilterString` with
/// `FModifyDate >= '…'` in the server's time zone, `StartRow`/`Limit`), whose rows come back as
/// arrays in `FieldKeys` order and are turned into objects keyed by field key before mapping
/// (`$.FName`, `$['FCompany.FNumber']`). The cursor is the next `StartRow`. Documents are
/// written with `Save` (`{"formid": …, "data": {"Model": …}}`).
public struct KingdeeConnector: CRMSource, ERPConnector {
    let configuration: KingdeeConfiguration
    let client: KingdeeWebAPIClient
    let now: @Sendable () -> Date

    /// Creates a connector; the first call logs in.
    public init(
        configuration: KingdeeConfiguration, transport: any ConnectorHTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.client = KingdeeWebAPIClient(configuration: configuration, transport: transport, now: now)
        self.now = now
    }

    /// How many times this connector logged in; a reused session keeps it at 1.
    public var loginCount: Int {
        get async { await client.loginCount }
    }

    /// One page of `kind` from `ExecuteBillQuery`, oldest change first.
    public func fetchPage(kind: CRMRecordKind, updatedSince: Date?, cursor: String?, pageSize: Int) async
        -> CRMPageResult
    {
        guard let query = configuration.queries[kind] else {
            return .failed(.permanent(reason: "kingdee: no query configured for \(kind.rawValue)"))
        }
        guard let startRow = OffsetCursor.parse(cursor, first: 0) else {
            return .failed(OffsetCursor.invalid(cursor, vendor: "kingdee"))
        }
        var conditions = query.filter.map { ["(\($0))"] } ?? []
        if let updatedSince {
            let text = WallClockTime.text(updatedSince, timeZone: query.timeZone)
            conditions.append("\(query.updatedField) >= '\(text)'")
        }
        do {
            let rows = try await billQuery(
                formID: query.object, fields: query.fields, filter: conditions.joined(separator: " AND "),
                order: "\(query.updatedField) ASC" + (query.fields.first.map { ",\($0) ASC" } ?? ""),
                startRow: startRow, limit: pageSize + 1)
            let records = try query.records(from: Array(rows.prefix(pageSize)))
            return .fetched(records: records, nextCursor: rows.count > pageSize ? String(startRow + pageSize) : nil)
        } catch let failure as IntegrationFailure {
            return .failed(failure)
        } catch {
            return .failed(.permanent(reason: "kingdee \(kind.rawValue): \(error)"))
        }
    }

    /// Saves the ticket to the configured form; without one, summaries are not pushed.
    public func pushTicketSummary(_ summary: TicketSummaryPayload) async -> ConnectorDeliveryOutcome {
        guard let form = configuration.ticketSummaryForm else {
            return .permanent(reason: "kingdee: no form configured for ticket summaries")
        }
        do {
            let model = try form.model.render(summary.templateValues)
            let number = try await save(formID: form.formID, model: model)
            return .delivered(summary: "kingdee saved \(form.formID) \(number)")
        } catch let failure as IntegrationFailure {
            return failure.outcome
        } catch {
            return .permanent(reason: "kingdee ticket summary: \(error)")
        }
    }

    /// `ExecuteBillQuery` rows as objects keyed by field key.
    func billQuery(formID: String, fields: [String], filter: String, order: String, startRow: Int, limit: Int)
        async throws(IntegrationFailure) -> [[String: Any]]
    {
        let data: [String: Any] = [
            "FormId": formID, "FieldKeys": fields.joined(separator: ","), "FilterString": filter,
            "OrderString": order, "TopRowCount": 0, "StartRow": startRow, "Limit": limit,
        ]
        guard let rows = try await client.call("ExecuteBillQuery", ["data": data]) as? [Any] else {
            throw IntegrationFailure.protocolViolation("kingdee", "ExecuteBillQuery answered no row list")
        }
        return try rows.map { row throws(IntegrationFailure) in
            guard let cells = row as? [Any], cells.count == fields.count else {
                throw IntegrationFailure.protocolViolation(
                    "kingdee", "an ExecuteBillQuery row does not match FieldKeys")
            }
            return Dictionary(uniqueKeysWithValues: zip(fields, cells))
        }
    }

    /// `Save` of `model` to `formID`; the new document's number.
    func save(formID: String, model: [String: Any]) async throws(IntegrationFailure) -> String {
        let answer = try await client.call("Save", ["formid": formID, "data": ["Model": model]])
        let result = (answer as? [String: Any])?["Result"] as? [String: Any]
        let status = result?["ResponseStatus"] as? [String: Any]
        let entity = (status?["SuccessEntitys"] as? [Any])?.first as? [String: Any]
        guard let number = (result?["Number"] as? String) ?? (entity?["Number"] as? String), !number.isEmpty else {
            throw IntegrationFailure.protocolViolation("kingdee", "Save answered no document number")
        }
        return number
    }

    /// `'…'` quoting for FilterString values.
    static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
