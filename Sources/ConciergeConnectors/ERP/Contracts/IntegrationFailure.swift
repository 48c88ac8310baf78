import Foundation

/// Why a call to an ERP or CRM did not succeed, classified for the sync scheduler.
///
/// The reasons name the vendor, the HTTP status and the vendor's error code and message — never
/// a secret, token or session id.
public enum IntegrationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Trying later may succeed (throttling, outage, timeout); `retryAfter` when the vendor said.
    case retryable(reason: String, retryAfter: Duration?)
    /// Trying again cannot succeed until someone changes the configuration or the data.
    case permanent(reason: String)

    /// The failure as a delivery outcome, for pipelines that speak ``ConnectorDeliveryOutcome``.
    public var outcome: ConnectorDeliveryOutcome {
        switch self {
        case .retryable(let reason, let retryAfter): return .retryable(reason: reason, retryAfter: retryAfter)
        case .permanent(let reason): return .permanent(reason: reason)
        }
    }

    /// Whether a later attempt may succeed.
    public var isRetryable: Bool {
        if case .retryable = self { return true }
        return false
    }

    /// The reason text.
    public var description: String {
        switch self {
        case .retryable(let reason, let retryAfter):
            return "retryable: \(reason)" + (retryAfter.map { " (retry after \($0))" } ?? "")
        case .permanent(let reason): return "permanent: \(reason)"
        }
    }

    /// The generic HTTP rules (``ConnectorResponseClassifier``) for a non-2xx answer, with the
    /// vendor's own words appended when it gave any.
    static func http(_ response: ConnectorHTTPResponse, vendor: String, detail: String?, now: Date) -> Self {
        var outcome = ConnectorResponseClassifier.outcome(for: response, peer: vendor, now: now)
        if let detail, !detail.isEmpty { outcome = outcome.appendingToReason(detail) }
        switch outcome {
        case .retryable(let reason, let retryAfter): return .retryable(reason: reason, retryAfter: retryAfter)
        case .permanent(let reason): return .permanent(reason: reason)
        case .delivered(let summary): return .permanent(reason: "\(vendor): unexpected answer (\(summary))")
        }
    }

    /// A 2xx answer that is not what the vendor documents (HTML from a proxy, truncated JSON).
    static func protocolViolation(_ vendor: String, _ what: String) -> Self {
        .retryable(
            reason: "\(vendor): \(what) (protocol problem: a proxy in the way or the vendor half down)",
            retryAfter: nil)
    }

    /// Vendor text cut to one short line for a reason.
    static func sanitized(_ text: String) -> String {
        VendorErrcodeReply.sanitized(text)
    }
}
