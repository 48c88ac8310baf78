/// One row of a vendor's documented `errcode` table: what the code means and whether a later
/// attempt can succeed.
struct VendorErrcodeRule: Sendable, Equatable {
    /// The vendor's code.
    var code: Int
    /// What the vendor's documentation says it means, in English, for the delivery log.
    var meaning: String
    /// Whether the same message may be accepted later (throttling, vendor busy).
    var isRetryable: Bool
    /// How long to wait before that later attempt, when the documentation says (throttle penalty).
    var retryAfter: Duration?

    /// A code that will never succeed as sent.
    static func permanent(_ code: Int, _ meaning: String) -> Self {
        Self(code: code, meaning: meaning, isRetryable: false, retryAfter: nil)
    }

    /// A code after which a later attempt may succeed.
    static func retryable(_ code: Int, _ meaning: String, after: Duration? = nil) -> Self {
        Self(code: code, meaning: meaning, isRetryable: true, retryAfter: after)
    }

    /// The outcome for a refusal with this code; `vendor` and `errmsg` go into the reason.
    func outcome(vendor: String, errmsg: String) -> ConnectorDeliveryOutcome {
        let reason = "\(vendor) errcode \(code) (\(meaning)): \(errmsg)"
        return isRetryable ? .retryable(reason: reason, retryAfter: retryAfter) : .permanent(reason: reason)
    }
}
