import Foundation
import Logging

/// Sends messages to one WeCom group through its robot's webhook
/// (`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`).
///
/// WeCom answers HTTP 200 to refusals too; only `errcode` 0 is a success (see
/// ``classify(_:now:)``).
///
/// - Important: The webhook's `key` alone lets anyone post to the group. It never appears in
///   ``description``, outcomes or logs, which name the endpoint only through
///   ``ConnectorHTTPRequest/redactedSummary`` (scheme, host and path).
public struct WeComGroupRobot: Sendable, CustomStringConvertible {
    /// The public WeCom endpoint, for building a webhook URL from a bare key.
    public static let defaultEndpoint = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send"

    private let webhookURL: String
    private let transport: any ConnectorHTTPTransport
    private let timeout: Duration
    private let logger: Logger

    /// Creates a robot from the webhook URL WeCom shows for it.
    ///
    /// - Throws: ``WeComMessageError/invalidWebhookURL`` unless the URL is http(s) with a `key`.
    public init(
        webhookURL: String, transport: any ConnectorHTTPTransport, timeout: Duration = .seconds(10),
        logger: Logger = Logger(label: "concierge.connectors.wecom")
    ) throws(WeComMessageError) {
        let trimmed = webhookURL.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            scheme == "https" || scheme == "http", components.host?.isEmpty == false,
            components.queryItems?.contains(where: { $0.name == "key" && $0.value?.isEmpty == false }) == true
        else { throw .invalidWebhookURL }
        self.webhookURL = trimmed
        self.transport = transport
        self.timeout = timeout
        self.logger = logger
    }

    /// The webhook URL for a bare robot `key`.
    public static func webhookURL(key: String, endpoint: String = defaultEndpoint) -> String {
        "\(endpoint)?key=\(PercentEncoding.urlComponent(key))"
    }

    /// The request for one attempt to send `message`.
    public func request(for message: WeComRobotMessage) throws(WeComMessageError) -> ConnectorHTTPRequest {
        ConnectorHTTPRequest(
            method: "POST", url: webhookURL, headers: [ConnectorHTTPHeader("Content-Type", "application/json")],
            body: try message.body(), timeout: timeout)
    }

    /// Sends one attempt and classifies the answer.
    public func send(_ message: WeComRobotMessage, now: Date = Date()) async -> ConnectorDeliveryOutcome {
        let request: ConnectorHTTPRequest
        do {
            request = try self.request(for: message)
        } catch {
            return .permanent(reason: "\(error)")
        }
        let outcome: ConnectorDeliveryOutcome
        do {
            outcome = Self.classify(try await transport.send(request), now: now)
        } catch {
            outcome = ConnectorResponseClassifier.outcome(for: error, peer: "wecom")
        }
        logger.debug(
            "wecom robot attempt finished",
            metadata: ["destination": "\(request.redactedSummary)", "outcome": "\(outcome)"])
        return outcome
    }

    /// Classifies a robot answer by the documented `errcode` table (HTTP 200 without the errcode
    /// JSON is a retryable protocol problem; a code not in the table is permanent).
    public static func classify(_ response: ConnectorHTTPResponse, now: Date = Date()) -> ConnectorDeliveryOutcome {
        WeComRobotErrcodes.classifier.outcome(for: response, now: now)
    }

    /// Names the endpoint without its key.
    public var description: String {
        "WeComGroupRobot(\(ConnectorHTTPRequest(url: webhookURL).redactedSummary), key redacted)"
    }
}
