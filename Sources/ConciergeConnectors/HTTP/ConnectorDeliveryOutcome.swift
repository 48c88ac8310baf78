/// What one delivery attempt came to, as the delivery pipeline acts on it.
public enum ConnectorDeliveryOutcome: Sendable, Equatable {
    /// The peer accepted the message. `summary` is one log line (status, vendor code), no secrets.
    case delivered(summary: String)
    /// Try again later; `retryAfter` when the peer said how long to wait (Retry-After, throttling).
    case retryable(reason: String, retryAfter: Duration?)
    /// Never retry (bad signature, bad keyword, 4xx other than 408/429, blocked destination).
    case permanent(reason: String)
}
