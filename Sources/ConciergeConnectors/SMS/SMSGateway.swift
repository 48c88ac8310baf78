import Foundation
import Logging

/// Sends text messages through the HTTP gateway a ``SMSGatewayTemplate`` describes.
public struct SMSGateway: Sendable {
    private let template: SMSGatewayTemplate
    private let transport: any ConnectorHTTPTransport
    private let logger: Logger

    /// Creates a gateway.
    public init(
        template: SMSGatewayTemplate, transport: any ConnectorHTTPTransport,
        logger: Logger = Logger(label: "concierge.connectors.sms")
    ) {
        self.template = template
        self.transport = transport
        self.logger = logger
    }

    /// Sends one attempt of `message` and classifies the answer.
    public func send(_ message: SMSMessage, now: Date = Date()) async -> ConnectorDeliveryOutcome {
        let request: ConnectorHTTPRequest
        do {
            request = try template.request(for: message)
        } catch {
            return .permanent(reason: "\(error)")
        }
        let outcome: ConnectorDeliveryOutcome
        do {
            outcome = Self.classify(try await transport.send(request), rule: template.successRule, now: now)
        } catch {
            outcome = ConnectorResponseClassifier.outcome(for: error, peer: "sms gateway")
        }
        logger.debug(
            "sms gateway attempt finished",
            metadata: ["destination": "\(request.redactedSummary)", "outcome": "\(outcome)"])
        return outcome
    }

    /// Classifies a gateway answer: non-2xx by the generic HTTP rules; 2xx by `rule`.
    ///
    /// A 2xx whose JSON lacks the success field, or is not JSON, is permanent, not retryable: the
    /// gateway may well have sent the text, and a retry would send it twice to someone's phone.
    public static func classify(_ response: ConnectorHTTPResponse, rule: SMSSuccessRule, now: Date = Date())
        -> ConnectorDeliveryOutcome
    {
        guard (200..<300).contains(response.status) else {
            return ConnectorResponseClassifier.outcome(for: response, peer: "sms gateway", now: now)
        }
        guard let path = rule.jsonPath else {
            return .delivered(summary: "sms gateway answered HTTP \(response.status)")
        }
        let root = try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
        guard let value = VendorJSON.scalarText(Self.value(at: path, in: root)) else {
            return .permanent(
                reason: "sms gateway answered HTTP \(response.status) without \(path) in JSON: "
                    + "delivery unconfirmed (not retried, to avoid sending twice)")
        }
        let shown = VendorErrcodeReply.sanitized(String(value.prefix(80)))
        if rule.expectedValue == nil || value == rule.expectedValue {
            return .delivered(summary: "sms gateway answered HTTP \(response.status), \(path)=\(shown)")
        }
        if rule.retryableValues.contains(value) {
            return .retryable(reason: "sms gateway is busy: \(path)=\(shown)", retryAfter: nil)
        }
        return .permanent(reason: "sms gateway refused the message: \(path)=\(shown)")
    }

    /// The value at a dot-separated path; numeric segments index arrays.
    static func value(at path: String, in root: Any?) -> Any? {
        var current = root
        for segment in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            if let object = current as? [String: Any] {
                current = object[segment]
            } else if let array = current as? [Any], let index = Int(segment), array.indices.contains(index) {
                current = array[index]
            } else {
                return nil
            }
        }
        return current
    }
}
