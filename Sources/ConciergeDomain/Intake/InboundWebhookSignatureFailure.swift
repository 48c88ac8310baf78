/// Why ``InboundWebhookSignature`` refused a request, with a machine-readable ``code`` for the
/// API response and the intake log.
///
/// Nothing here echoes attacker-controlled input: a malformed header is described, not quoted.
public enum InboundWebhookSignatureFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request has no `X-Concierge-Signature` header (or an empty one).
    case missingHeader
    /// The header lacks exactly one `t=<unix seconds>` or any `v1=<64 hex digits>` entry.
    case malformedHeader
    /// The signature is genuine but `t` is further from the receiver's clock than the window:
    /// a replay, or a sender whose clock is off. `skewSeconds` is `t` minus now.
    case timestampOutsideWindow(skewSeconds: Int64, windowSeconds: Int64)
    /// No `v1=` entry matches the body under any configured secret: wrong secret, altered body
    /// (re-serialised JSON counts) or a forgery.
    case noMatchingSignature

    /// Stable snake_case code: `missing_signature`, `malformed_signature`,
    /// `timestamp_outside_window` or `signature_mismatch`.
    public var code: String {
        switch self {
        case .missingHeader: "missing_signature"
        case .malformedHeader: "malformed_signature"
        case .timestampOutsideWindow: "timestamp_outside_window"
        case .noMatchingSignature: "signature_mismatch"
        }
    }

    /// One line for the intake log.
    public var description: String {
        let header = InboundWebhookSignature.headerName
        switch self {
        case .missingHeader:
            return "missing \(header) header"
        case .malformedHeader:
            return "\(header) must hold one t=<unix seconds> and at least one v1=<64 hex digits>"
        case .timestampOutsideWindow(let skew, let window):
            let direction = skew < 0 ? "old" : "in the future"
            return "timestamp is \(abs(skew)) s \(direction), outside the \(window) s window (replay or clock skew)"
        case .noMatchingSignature:
            return "no signature matches the body under the configured secret(s)"
        }
    }
}
