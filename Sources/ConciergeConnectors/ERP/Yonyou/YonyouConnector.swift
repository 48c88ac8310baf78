import Foundation

/// Yonyou 用友 YonBIP / YonSuite as a customer master and an ERP, over the open API gateway with a
/// self-built app's signed token.
///
/// Lists are `POST`s of `{"pageIndex": n, "pageSize": s, "simpleVOs": [{"field": "pubts", "op":
/// "egt", "value1": "…"}]}` answering `data.recordList` and `data.pageCount`; the cursor is the
/// next page index (from 1).
public struct YonyouConnector: CRMSource, ERPConnector {
    let configuration: YonyouConfiguration
    let client: YonyouOpenAPIClient
    let now: @Sendable () -> Date

    /// Creates a connector; the first call fetches a token.
    public init(
        configuration: YonyouConfiguration, transport: any ConnectorHTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.client = YonyouOpenAPIClient(configuration: configuration, transport: transport, now: now)
        self.now = now
    }

    /// How many tokens this connector fetched.
    public var tokenFetchCount: Int {
        get async { await client.tokenFetchCount }
    }

    /// One page of `kind`.
    public func fetchPage(kind: CRMRecordKind, updatedSince: Date?, cursor: String?, pageSize: Int) async
        -> CRMPageResult
    {
        guard let query = configuration.queries[kind] else {
            return .failed(.permanent(reason: "yonyou: no query configured for \(kind.rawValue)"))
        }
        guard let pageIndex = OffsetCursor.parse(cursor, first: 1) else {
            return .failed(OffsetCursor.invalid(cursor, vendor: "yonyou"))
        }
        var conditions: [Any] = []
        if let filter = query.filter {
            guard let extra = try? JSONSerialization.jsonObject(with: Data(filter.utf8)) as? [Any] else {
                return .failed(.permanent(reason: "yonyou: the \(kind.rawValue) filter is not a JSON array"))
            }
            conditions += extra
        }
        if let updatedSince {
            let text = WallClockTime.text(updatedSince, timeZone: query.timeZone)
            conditions.append(["field": query.updatedField, "op": "egt", "value1": text])
        }
        let body: [String: Any] = ["pageIndex": pageIndex, "pageSize": pageSize, "simpleVOs": conditions]
        do {
            let data = try await client.call(query.object, body) as? [String: Any]
            guard let rows = data?["recordList"] as? [Any] else {
                return .failed(.protocolViolation("yonyou", "the list answered without data.recordList"))
            }
            let pageCount = VendorJSON.integer(data?["pageCount"]) ?? pageIndex
            let records = try query.records(from: rows)
            return .fetched(records: records, nextCursor: pageIndex < pageCount ? String(pageIndex + 1) : nil)
        } catch let failure as IntegrationFailure {
            return .failed(failure)
        } catch {
            return .failed(.permanent(reason: "yonyou \(kind.rawValue): \(error)"))
        }
    }

    /// Saves the ticket with the configured path and template; without one, summaries are not pushed.
    public func pushTicketSummary(_ summary: TicketSummaryPayload) async -> ConnectorDeliveryOutcome {
        guard let target = configuration.ticketSummary else {
            return .permanent(reason: "yonyou: no save path configured for ticket summaries")
        }
        do {
            let body = try target.body.render(summary.templateValues)
            let data = try await client.call(target.path, ["data": body]) as? [String: Any]
            let code = VendorJSON.scalarText(data?["code"]) ?? VendorJSON.scalarText(data?["id"]) ?? "?"
            return .delivered(summary: "yonyou saved \(code) for \(summary.ticketNumber)")
        } catch let failure as IntegrationFailure {
            return failure.outcome
        } catch {
            return .permanent(reason: "yonyou ticket summary: \(error)")
        }
    }
}
