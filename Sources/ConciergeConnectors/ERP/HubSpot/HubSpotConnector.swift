import Foundation

/// HubSpot as a CRM source and a place for tickets, over the CRM v3 API with a private-app token.
///
/// Pages use the search endpoint (`POST /crm/v3/objects/<type>/search`) with a
/// `<updatedField> GTE <epoch ms>` filter, sorted ascending by it; the cursor is
/// `paging.next.after`. HubSpot's search returns at most 10,000 results per query, so a first
/// sync of a larger portal must be split by time ranges (the scheduler moves `updatedSince`).
public struct HubSpotConnector: CRMSource {
    private let configuration: HubSpotConfiguration
    private let rest: RESTClient
    private let now: @Sendable () -> Date

    /// Creates a connector.
    public init(
        configuration: HubSpotConfiguration, transport: any ConnectorHTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.rest = RESTClient(
            baseURL: configuration.baseURL, auth: .bearer(token: configuration.accessToken), transport: transport,
            now: now)
        self.now = now
    }

    /// One page of `kind` from the search endpoint.
    public func fetchPage(kind: CRMRecordKind, updatedSince: Date?, cursor: String?, pageSize: Int) async
        -> CRMPageResult
    {
        guard let query = configuration.queries[kind] else {
            return .failed(.permanent(reason: "hubspot: no query configured for \(kind.rawValue)"))
        }
        var filters: [Any] = []
        if let filter = query.filter {
            guard let extra = try? JSONSerialization.jsonObject(with: Data(filter.utf8)) as? [Any] else {
                return .failed(.permanent(reason: "hubspot: the \(kind.rawValue) filter is not a JSON array"))
            }
            filters += extra
        }
        if let updatedSince {
            let milliseconds = Int64((updatedSince.timeIntervalSince1970 * 1000).rounded(.down))
            filters.append(["propertyName": query.updatedField, "operator": "GTE", "value": String(milliseconds)])
        }
        var body: [String: Any] = [
            "filterGroups": filters.isEmpty ? [] : [["filters": filters]],
            "sorts": [["propertyName": query.updatedField, "direction": "ASCENDING"]],
            "properties": query.fields + [query.updatedField], "limit": pageSize,
        ]
        if let cursor { body["after"] = cursor }
        do {
            let response = try await rest.send(.json("POST", "/crm/v3/objects/\(query.object)/search", body))
            guard (200..<300).contains(response.status) else {
                return .failed(HubSpotErrorClassifier.failure(for: response, now: now()))
            }
            guard let object = VendorJSON.object(response.body), let rows = object["results"] as? [Any] else {
                return .failed(.protocolViolation("hubspot", "the search answered without results"))
            }
            let next = ((object["paging"] as? [String: Any])?["next"] as? [String: Any])?["after"]
            return .fetched(records: try query.records(from: rows), nextCursor: VendorJSON.scalarText(next))
        } catch let error as RESTClientError {
            return .failed(error.failure)
        } catch {
            return .failed(.permanent(reason: "hubspot \(kind.rawValue): \(error)"))
        }
    }

    /// Creates a ticket (or note) object from the template.
    public func pushTicketSummary(_ summary: TicketSummaryPayload) async -> ConnectorDeliveryOutcome {
        do {
            let body = try configuration.ticketTemplate.render(summary.templateValues)
            let response = try await rest.send(.json("POST", "/crm/v3/objects/\(configuration.ticketObject)", body))
            guard (200..<300).contains(response.status) else {
                return HubSpotErrorClassifier.failure(for: response, now: now()).outcome
            }
            let id = VendorJSON.scalarText(VendorJSON.object(response.body)?["id"]) ?? "?"
            return .delivered(summary: "hubspot \(configuration.ticketObject) \(id) for \(summary.ticketNumber)")
        } catch let error as RESTClientError {
            return error.failure.outcome
        } catch {
            return .permanent(reason: "hubspot \(configuration.ticketObject) template: \(error)")
        }
    }
}
