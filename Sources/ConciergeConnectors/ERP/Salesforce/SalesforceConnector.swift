import Foundation

/// Salesforce as a CRM source and a place for Cases, over the REST API with the OAuth 2.0
/// client-credentials flow (`POST /services/oauth2/token`).
///
/// Pages are SOQL queries (`GET /services/data/vXX.X/query?q=SELECT … WHERE LastModifiedDate >= …
/// ORDER BY LastModifiedDate, Id`) with `Sforce-Query-Options: batchSize=N`; the cursor is the
/// answer's `nextRecordsUrl`, which stays valid for about 15 minutes of inactivity.
public struct SalesforceConnector: CRMSource {
    private let configuration: SalesforceConfiguration
    private let rest: RESTClient
    private let now: @Sendable () -> Date

    /// Creates a connector; the first call fetches a token.
    public init(
        configuration: SalesforceConfiguration, transport: any ConnectorHTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        let base =
            configuration.baseURL.hasSuffix("/") ? String(configuration.baseURL.dropLast()) : configuration.baseURL
        self.rest = RESTClient(
            baseURL: base,
            auth: .oauth2ClientCredentials(
                tokenURL: base + "/services/oauth2/token", clientID: configuration.clientID,
                clientSecret: configuration.clientSecret, scope: nil),
            transport: transport, now: now)
        self.now = now
    }

    /// How many tokens this connector fetched.
    public var tokenFetchCount: Int {
        get async { await rest.tokenFetchCount }
    }

    /// The SOQL text for one kind; exposed for tests and the preset README.
    public func soql(kind: CRMRecordKind, updatedSince: Date?) -> String? {
        guard let query = configuration.queries[kind] else { return nil }
        var conditions = query.filter.map { ["(\($0))"] } ?? []
        if let updatedSince { conditions.append("\(query.updatedField) >= \(FieldValue.iso8601(updatedSince))") }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return "SELECT \(query.fields.joined(separator: ", ")) FROM \(query.object)\(filter) "
            + "ORDER BY \(query.updatedField) ASC, Id ASC"
    }

    /// One page of `kind`: the query itself, or the `nextRecordsUrl` in `cursor`.
    public func fetchPage(kind: CRMRecordKind, updatedSince: Date?, cursor: String?, pageSize: Int) async
        -> CRMPageResult
    {
        guard let query = configuration.queries[kind], let soql = soql(kind: kind, updatedSince: updatedSince) else {
            return .failed(.permanent(reason: "salesforce: no query configured for \(kind.rawValue)"))
        }
        let headers = [ConnectorHTTPHeader("Sforce-Query-Options", "batchSize=\(pageSize)")]
        let request: RESTRequest
        if let cursor {
            guard cursor.hasPrefix("/services/data/"), !cursor.contains("..") else {
                return .failed(OffsetCursor.invalid(cursor, vendor: "salesforce"))
            }
            request = RESTRequest(method: "GET", path: cursor, headers: headers)
        } else {
            request = RESTRequest(
                method: "GET", path: "/services/data/\(configuration.apiVersion)/query", query: [("q", soql)],
                headers: headers)
        }
        do {
            let response = try await rest.send(request)
            guard (200..<300).contains(response.status) else {
                return .failed(SalesforceErrorClassifier.failure(for: response, now: now()))
            }
            guard let object = VendorJSON.object(response.body), let rows = object["records"] as? [Any] else {
                return .failed(.protocolViolation("salesforce", "the query answered without records"))
            }
            let done = (object["done"] as? Bool) ?? true
            let next = done ? nil : object["nextRecordsUrl"] as? String
            return .fetched(records: try query.records(from: rows), nextCursor: next)
        } catch let error as RESTClientError {
            return .failed(error.failure)
        } catch {
            return .failed(.permanent(reason: "salesforce \(kind.rawValue): \(error)"))
        }
    }

    /// Creates the Case (or Task), or upserts it by the external-id field when one is configured.
    public func pushTicketSummary(_ summary: TicketSummaryPayload) async -> ConnectorDeliveryOutcome {
        let object = configuration.ticketObject
        let base = "/services/data/\(configuration.apiVersion)/sobjects/\(object)"
        do {
            let body = try configuration.ticketTemplate.render(summary.templateValues)
            let request: RESTRequest
            if let field = configuration.ticketExternalIDField {
                let path = "\(base)/\(field)/\(PercentEncoding.urlComponent(summary.ticketNumber))"
                request = .json("PATCH", path, body)
            } else {
                request = .json("POST", base, body)
            }
            let response = try await rest.send(request)
            guard (200..<300).contains(response.status) else {
                return SalesforceErrorClassifier.failure(for: response, now: now()).outcome
            }
            let id = VendorJSON.object(response.body)?["id"] as? String ?? "(updated)"
            return .delivered(
                summary: "salesforce \(object) \(id) for \(summary.ticketNumber), HTTP \(response.status)")
        } catch let error as RESTClientError {
            return error.failure.outcome
        } catch {
            return .permanent(reason: "salesforce \(object) template: \(error)")
        }
    }
}
