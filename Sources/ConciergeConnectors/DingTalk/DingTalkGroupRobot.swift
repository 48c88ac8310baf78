import Foundation
import Logging

/// Sends messages to one DingTalk group through a custom robot's webhook
/// (`https://oapi.dingtalk.com/robot/send?access_token=…`).
///
/// Every attempt is built anew: the keyword check runs, the signed mode signs with the current
/// time, and the answer is classified by its `errcode` — DingTalk answers HTTP 200 to refusals too,
/// and a non-zero `errcode` is never a success (see ``classify(_:now:)``).
///
/// - Important: The webhook URL's `access_token` and the signing secret are secrets. They never
///   appear in ``description``, in outcomes or in logs, which name the endpoint only through
///   ``ConnectorHTTPRequest/redactedSummary``.
public struct DingTalkGroupRobot: Sendable, CustomStringConvertible {
    /// The public DingTalk endpoint, for building a webhook URL from a bare token.
    public static let defaultEndpoint = "https://oapi.dingtalk.com/robot/send"

    private let webhookURL: String
    private let security: DingTalkRobotSecurity
    private let transport: any ConnectorHTTPTransport
    private let timeout: Duration
    private let logger: Logger

    /// Creates a robot from the webhook URL DingTalk shows when the robot is added.
    ///
    /// - Parameters:
    ///   - webhookURL: The robot's webhook; tests point it at 127.0.0.1.
    ///   - security: The robot's security settings.
    ///   - transport: Sends the requests.
    ///   - timeout: The time limit of one exchange.
    /// - Throws: ``DingTalkMessageError/invalidWebhookURL`` unless the URL is http(s) with an
    ///   `access_token`.
    public init(
        webhookURL: String, security: DingTalkRobotSecurity, transport: any ConnectorHTTPTransport,
        timeout: Duration = .seconds(10), logger: Logger = Logger(label: "concierge.connectors.dingtalk")
    ) throws(DingTalkMessageError) {
        guard let cleaned = Self.cleanedWebhookURL(webhookURL) else { throw .invalidWebhookURL }
        self.webhookURL = cleaned
        self.security = security
        self.transport = transport
        self.timeout = timeout
        self.logger = logger
    }

    /// The request for one attempt to send `message` at `now`.
    ///
    /// - Throws: ``DingTalkMessageError`` when the message is incomplete or lacks every keyword.
    public func request(for message: DingTalkRobotMessage, now: Date = Date()) throws(DingTalkMessageError)
        -> ConnectorHTTPRequest
    {
        try security.check(message)
        let body = try message.body()
        var url = webhookURL
        if let secret = security.signingSecret {
            url += DingTalkRobotSigner(secret: secret).querySuffix(date: now)
        }
        return ConnectorHTTPRequest(
            method: "POST", url: url, headers: [ConnectorHTTPHeader("Content-Type", "application/json;charset=utf-8")],
            body: body, timeout: timeout)
    }

    /// Sends one attempt and classifies the answer.
    public func send(_ message: DingTalkRobotMessage, now: Date = Date()) async -> ConnectorDeliveryOutcome {
        let request: ConnectorHTTPRequest
        do {
            request = try self.request(for: message, now: now)
        } catch {
            logger.debug("dingtalk message refused before sending", metadata: ["reason": "\(error)"])
            return .permanent(reason: "\(error)")
        }
        let outcome: ConnectorDeliveryOutcome
        do {
            outcome = Self.classify(try await transport.send(request), now: now)
        } catch {
            outcome = ConnectorResponseClassifier.outcome(for: error, peer: "dingtalk")
        }
        logger.debug(
            "dingtalk robot attempt finished",
            metadata: ["destination": "\(request.redactedSummary)", "outcome": "\(outcome)"])
        return outcome
    }

    /// Classifies a robot answer by the documented `errcode` table (HTTP 200 without the errcode
    /// JSON is a retryable protocol problem; a code not in the table is permanent).
    public static func classify(_ response: ConnectorHTTPResponse, now: Date = Date()) -> ConnectorDeliveryOutcome {
        DingTalkRobotErrcodes.classifier.outcome(for: response, now: now)
    }

    /// Names the endpoint and the security modes, never the token or the secret.
    public var description: String {
        "DingTalkGroupRobot(\(ConnectorHTTPRequest(url: webhookURL).redactedSummary), access_token redacted, \(security))"
    }

    /// The URL with any `timestamp`/`sign` left over from a pasted, already-signed URL removed
    /// (they would clash with the fresh ones), or `nil` when it has no scheme, host or token.
    static func cleanedWebhookURL(_ url: String) -> String? {
        guard var components = URLComponents(string: url.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
            components.host?.isEmpty == false,
            let items = components.percentEncodedQueryItems,
            items.contains(where: { $0.name == "access_token" && $0.value?.isEmpty == false })
        else { return nil }
        components.percentEncodedQueryItems = items.filter { $0.name != "timestamp" && $0.name != "sign" }
        return components.string
    }
}
