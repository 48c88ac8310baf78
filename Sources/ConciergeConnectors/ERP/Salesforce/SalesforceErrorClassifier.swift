import Foundation

/// Classifies Salesforce REST answers, whose errors are a JSON array
/// `[{"errorCode": "REQUEST_LIMIT_EXCEEDED", "message": "…"}]`.
///
/// Retryable codes: the org's API limit (`REQUEST_LIMIT_EXCEEDED`, HTTP 403), row locks and
/// temporary outages. Anything else follows the HTTP status: 5xx retryable, 4xx permanent.
enum SalesforceErrorClassifier {
    /// Error codes after which the same request may succeed later.
    static let retryableCodes: Set<String> = [
        "REQUEST_LIMIT_EXCEEDED", "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", "QUERY_TIMEOUT",
        "CONCURRENT_REQUESTS_LIMIT_EXCEEDED",
    ]

    /// The failure for a non-2xx answer.
    static func failure(for response: ConnectorHTTPResponse, now: Date) -> IntegrationFailure {
        let errors = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [Any]
        let first = errors?.first as? [String: Any]
        let code = first?["errorCode"] as? String
        let message = (first?["message"] as? String).map(IntegrationFailure.sanitized) ?? ""
        let detail = code.map { "\($0): \(message)" }
        if let code, retryableCodes.contains(code) {
            return .retryable(
                reason: "salesforce answered HTTP \(response.status) \(code): \(message)",
                retryAfter: ConnectorResponseClassifier.retryAfter(of: response, now: now))
        }
        return .http(response, vendor: "salesforce", detail: detail, now: now)
    }
}
