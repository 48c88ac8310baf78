import Foundation

/// The HTTP-level rules every outbound connector shares, for peers that say everything with the
/// status code (generic webhooks, SMS gateways) and for the non-200 answers of chat vendors.
///
/// - 2xx: delivered.
/// - 408, 425, 429 and 5xx: retryable; a `Retry-After` header (seconds or HTTP-date) becomes the
///   outcome's `retryAfter`.
/// - 3xx: permanent. The transport follows redirects, so a 3xx that reaches us is one it would not
///   or could not follow (no `Location`, a loop cut short, a scheme change it refuses).
/// - Any other status (other 4xx, 1xx, nonsense): permanent; the request itself is wrong.
public enum ConnectorResponseClassifier {
    /// The outcome of an HTTP answer; `peer` names the connector in the reason (e.g. "webhook").
    public static func outcome(for response: ConnectorHTTPResponse, peer: String, now: Date = Date())
        -> ConnectorDeliveryOutcome
    {
        let status = response.status
        switch status {
        case 200..<300:
            return .delivered(summary: "\(peer) answered HTTP \(status)")
        case 408, 425, 429, 500..<600:
            let retryAfter = retryAfter(of: response, now: now)
            return .retryable(reason: "\(peer) answered HTTP \(status)", retryAfter: retryAfter)
        case 300..<400:
            return .permanent(reason: "\(peer) answered HTTP \(status) (a redirect that was not followed)")
        default:
            return .permanent(reason: "\(peer) refused the request with HTTP \(status)")
        }
    }

    /// The outcome of a request that got no HTTP answer, following
    /// ``ConnectorHTTPError/isRetryable``.
    public static func outcome(for error: ConnectorHTTPError, peer: String) -> ConnectorDeliveryOutcome {
        error.isRetryable
            ? .retryable(reason: "\(peer): \(error)", retryAfter: nil)
            : .permanent(reason: "\(peer): \(error)")
    }

    /// Whether `status` is one the generic rules would retry; vendors use it for answers that do
    /// not carry their own error envelope.
    static func isRetryableStatus(_ status: Int) -> Bool {
        status == 408 || status == 425 || status == 429 || (500..<600).contains(status)
    }

    /// The `Retry-After` of `response` as a wait from `now`, when present and readable.
    static func retryAfter(of response: ConnectorHTTPResponse, now: Date) -> Duration? {
        response.header("Retry-After").flatMap { RetryAfterHeader.delay($0, now: now) }
    }
}
