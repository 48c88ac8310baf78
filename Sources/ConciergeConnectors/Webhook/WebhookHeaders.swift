/// The header names of a signed Concierge webhook, shared by the signer, the request builder and
/// the verifier so sender and receiver cannot drift apart.
public enum WebhookHeaders {
    /// The event type, e.g. `ticket.created`.
    public static let event = "X-Concierge-Event"
    /// The delivery's unique id; the same on every retry of one delivery, so receivers can drop
    /// duplicates.
    public static let delivery = "X-Concierge-Delivery"
    /// Unix time in whole seconds when this attempt was signed; part of the signed text.
    public static let timestamp = "X-Concierge-Timestamp"
    /// `v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, one entry per active secret,
    /// comma-separated.
    public static let signature = "X-Concierge-Signature"

    /// The signature scheme this code writes and accepts; a new scheme gets a new prefix so
    /// receivers can accept both while they migrate.
    public static let signatureScheme = "v1"

    /// Headers that the connector sets and a tenant's extra headers may not replace: ours, and the
    /// ones that describe the message framing (the transport owns those).
    static let reserved: Set<String> = [
        event.lowercased(), delivery.lowercased(), timestamp.lowercased(), signature.lowercased(),
        "content-type", "content-length", "transfer-encoding", "host", "connection", "user-agent",
    ]

    /// Whether a tenant-configured header called `name` would be dropped by
    /// ``WebhookRequestBuilder`` (configuration screens can refuse it up front).
    public static func isReserved(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return reserved.contains(lowered) || lowered.hasPrefix("x-concierge-")
    }
}
