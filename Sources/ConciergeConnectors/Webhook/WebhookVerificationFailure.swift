/// Why ``WebhookSignatureVerifier`` refused a delivery, in words a receiver's log can show.
///
/// Nothing here repeats attacker-controlled input at length: malformed values are described,
/// not echoed.
public enum WebhookVerificationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `X-Concierge-Timestamp` header.
    case missingTimestamp
    /// The timestamp is not a decimal number of seconds.
    case malformedTimestamp
    /// No `X-Concierge-Signature` header.
    case missingSignature
    /// The signature header has no `v1=` entry of 64 hex digits.
    case malformedSignature
    /// No `v1=` entry matches the body under any configured secret: wrong secret, altered body
    /// (re-serialised JSON counts) or a forged request.
    case signatureMismatch
    /// The signature is valid but the timestamp is further from the receiver's clock than the
    /// tolerance: a replay, or a clock that is off. `skewSeconds` is timestamp minus now.
    case timestampOutsideTolerance(skewSeconds: Int64, toleranceSeconds: Int64)

    /// One line for the receiver's log.
    public var description: String {
        switch self {
        case .missingTimestamp:
            return "missing \(WebhookHeaders.timestamp) header"
        case .malformedTimestamp:
            return "\(WebhookHeaders.timestamp) is not Unix time in whole seconds"
        case .missingSignature:
            return "missing \(WebhookHeaders.signature) header"
        case .malformedSignature:
            return "\(WebhookHeaders.signature) has no v1= entry of 64 hex digits"
        case .signatureMismatch:
            return "no signature matches the body under the configured secret(s)"
        case .timestampOutsideTolerance(let skew, let tolerance):
            let direction = skew < 0 ? "old" : "in the future"
            return
                "timestamp is \(abs(skew)) s \(direction), outside the \(tolerance) s tolerance (replay or clock skew)"
        }
    }
}
