import Foundation

/// Classifies HubSpot API answers: `{"status": "error", "message": …, "category": …,
/// "errorType": "RATE_LIMIT", "policyName": "TEN_SECONDLY_ROLLING"}`.
///
/// 429 is retryable after `Retry-After` when sent, else after the window its `policyName` names
/// (1 s for `SECONDLY`, 10 s for `TEN_SECONDLY_ROLLING`, an hour for `DAILY`). 401 (a revoked or
/// wrong token) and other 4xx are permanent; 5xx retryable.
enum HubSpotErrorClassifier {
    /// The failure for a non-2xx answer.
    static func failure(for response: ConnectorHTTPResponse, now: Date) -> IntegrationFailure {
        let object = VendorJSON.object(response.body)
        let category = (object?["category"] as? String) ?? (object?["errorType"] as? String) ?? "-"
        let message = (object?["message"] as? String).map(IntegrationFailure.sanitized) ?? ""
        let policy = object?["policyName"] as? String
        if response.status == 429 {
            let wait =
                ConnectorResponseClassifier.retryAfter(of: response, now: now) ?? policy.flatMap { window(of: $0) }
            return .retryable(
                reason: "hubspot rate limit \(policy ?? category) (HTTP 429): \(message)", retryAfter: wait)
        }
        return .http(response, vendor: "hubspot", detail: "\(category): \(message)", now: now)
    }

    private static func window(of policy: String) -> Duration? {
        switch policy.uppercased() {
        case "SECONDLY": return .seconds(1)
        case "TEN_SECONDLY_ROLLING": return .seconds(10)
        case "DAILY": return .seconds(3600)
        default: return nil
        }
    }
}
