import Foundation
import Logging

/// Delivers one signed webhook attempt and says what the delivery pipeline should do next.
///
/// The answer is classified by HTTP status alone (see ``ConnectorResponseClassifier``): receivers
/// of generic webhooks have no error envelope of their own.
public struct WebhookConnector: Sendable {
    private let builder: WebhookRequestBuilder
    private let transport: any ConnectorHTTPTransport
    private let logger: Logger

    /// Creates a connector for one subscription.
    public init(
        builder: WebhookRequestBuilder, transport: any ConnectorHTTPTransport,
        logger: Logger = Logger(label: "concierge.connectors.webhook")
    ) {
        self.builder = builder
        self.transport = transport
        self.logger = logger
    }

    /// Signs and sends one attempt of a delivery.
    ///
    /// - Parameters:
    ///   - event: The event type.
    ///   - deliveryID: The delivery's id, the same on every attempt.
    ///   - body: The JSON body bytes.
    ///   - extraHeaders: Tenant-configured headers.
    ///   - now: The signing time and the reference for an HTTP-date `Retry-After`.
    /// - Returns: Delivered, retryable (network trouble, 408/425/429/5xx) or permanent.
    public func deliver(
        event: String, deliveryID: String, body: [UInt8], extraHeaders: [ConnectorHTTPHeader] = [],
        now: Date = Date()
    ) async -> ConnectorDeliveryOutcome {
        let request: ConnectorHTTPRequest
        do {
            request = try builder.request(
                event: event, deliveryID: deliveryID, body: body, extraHeaders: extraHeaders, now: now)
        } catch {
            return .permanent(reason: "webhook: \(error)")
        }
        let outcome: ConnectorDeliveryOutcome
        do {
            let response = try await transport.send(request)
            outcome = ConnectorResponseClassifier.outcome(for: response, peer: "webhook", now: now)
        } catch {
            outcome = ConnectorResponseClassifier.outcome(for: error, peer: "webhook")
        }
        logger.debug(
            "webhook attempt finished",
            metadata: [
                "destination": "\(request.redactedSummary)", "event": "\(event)", "delivery_id": "\(deliveryID)",
                "outcome": "\(outcome)",
            ])
        return outcome
    }
}
