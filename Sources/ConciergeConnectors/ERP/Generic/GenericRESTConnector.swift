import Foundation

/// A tenant's own system reached over plain REST (a home-grown ERP, a regional CRM): each
/// message is one request to a fixed path, its JSON body rendered from a ``JSONTemplate`` over
/// the ticket summary, with any of ``RESTAuth``'s schemes. What the answer means follows the
/// generic HTTP rules (``ConnectorResponseClassifier``): 2xx delivered, 408/425/429/5xx retried.
public struct GenericRESTConnector: Sendable {
    /// The names a body template may use: every ``TicketSummaryPayload/templateNames`` plus the
    /// event type (`event`) and the delivery id (`delivery_id`, stable across retries: an
    /// idempotency key for the receiver).
    public static let templateNames = TicketSummaryPayload.templateNames.union(["event", "delivery_id"])

    /// The body sent when the connector sets no template.
    public static let defaultTemplate = JSONTemplate(
        #"""
        {"event": "{{event}}", "delivery_id": "{{delivery_id}}",
         "ticket": {"number": "{{ticket.number}}", "subject": "{{ticket.subject}}", "status": "{{ticket.status}}",
                    "priority": "{{ticket.priority}}", "summary": "{{ticket.summary}}", "url": "{{ticket.url}}",
                    "customer_external_id": "{{ticket.customer_external_id}}",
                    "organization_external_id": "{{ticket.organization_external_id}}",
                    "updated_at": "{{ticket.updated_at}}"}}
        """#)

    let client: RESTClient
    let method: String
    let path: String
    let headers: [ConnectorHTTPHeader]
    let template: JSONTemplate

    /// Creates a connector for `baseURL` + `path`.
    public init(
        baseURL: String, path: String, method: String = "POST", auth: RESTAuth, headers: [ConnectorHTTPHeader] = [],
        template: JSONTemplate? = nil, transport: any ConnectorHTTPTransport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        client = RESTClient(baseURL: baseURL, auth: auth, transport: transport, now: now)
        self.method = method
        self.path = path.hasPrefix("/") ? path : "/" + path
        self.headers = headers
        self.template = template ?? Self.defaultTemplate
    }

    /// Sends the ticket as the template renders it.
    public func send(_ summary: TicketSummaryPayload, event: String, deliveryID: String) async
        -> ConnectorDeliveryOutcome
    {
        var values = summary.templateValues
        values["event"] = .string(event)
        values["delivery_id"] = .string(deliveryID)
        let body: [String: Any]
        do { body = try template.render(values) } catch {
            return .permanent(reason: "rest: the body template is wrong: \(error)")
        }
        let request = RESTRequest.json(method, path, body, headers: headers)
        do {
            let response = try await client.send(request)
            return ConnectorResponseClassifier.outcome(for: response, peer: "rest")
        } catch {
            return error.failure.outcome
        }
    }
}
