import Foundation

/// Classifies answers of DingTalk's new-style API (`api.dingtalk.com/v1.0/…`), which reports
/// errors with the HTTP status and a `{"code": "…", "message": "…"}` body rather than an errcode.
///
/// - 2xx with a `processQueryKey`: delivered. 2xx that is not JSON: a retryable protocol problem.
/// - 401, or a `code` naming an invalid/expired token: an authentication failure — the robot
///   fetches a new token once and retries (see ``isAuthenticationFailure(_:)``).
/// - 429, or a throttling code (QPS/QPM limits, "send too fast", "Throttling…"): retryable, after
///   `Retry-After` when given, else one second for per-second limits and a minute otherwise.
/// - 408/425/5xx: retryable. Any other status (400 invalid parameters, 403 permission): permanent
///   with DingTalk's code and message.
public enum DingTalkAppReplyClassifier {
    /// The outcome of a group-message answer.
    public static func outcome(for response: ConnectorHTTPResponse, now: Date = Date()) -> ConnectorDeliveryOutcome {
        let object = VendorJSON.object(response.body)
        let code = (object?["code"] as? String).map(VendorErrcodeReply.sanitized)
        let message = (object?["message"] as? String).map(VendorErrcodeReply.sanitized) ?? ""
        let detail = "HTTP \(response.status) \(code ?? "-") \(message)"
        if (200..<300).contains(response.status) {
            guard let object else {
                return .retryable(
                    reason: "dingtalk answered HTTP \(response.status) without JSON (protocol problem)", retryAfter: nil
                )
            }
            if object["processQueryKey"] == nil, let code {
                return classifyError(code: code, status: response.status, detail: detail, response: response, now: now)
            }
            return .delivered(summary: "dingtalk accepted the group message (HTTP \(response.status))")
        }
        if isAuthenticationFailure(response) {
            return .permanent(reason: "dingtalk refused the access token: \(detail)")
        }
        return classifyError(code: code ?? "", status: response.status, detail: detail, response: response, now: now)
    }

    /// Whether the answer says the access token is invalid or expired, so a fresh token may help.
    public static func isAuthenticationFailure(_ response: ConnectorHTTPResponse) -> Bool {
        if response.status == 401 { return true }
        guard let code = (VendorJSON.object(response.body)?["code"] as? String)?.lowercased() else { return false }
        return authenticationCodes.contains(code)
    }

    /// Whether `code` is one of DingTalk's throttling codes.
    static func isThrottling(_ code: String) -> Bool {
        let lowered = code.lowercased()
        return ["qpslimit", "qpmlimit", "throttling", "too.fast", "toofast", "flowcontrol"].contains {
            lowered.contains($0)
        }
    }

    private static func classifyError(
        code: String, status: Int, detail: String, response: ConnectorHTTPResponse, now: Date
    ) -> ConnectorDeliveryOutcome {
        let retryAfter = ConnectorResponseClassifier.retryAfter(of: response, now: now)
        if status == 429 || isThrottling(code) {
            let fallback: Duration = code.lowercased().contains("qps") ? .seconds(1) : .seconds(60)
            return .retryable(reason: "dingtalk throttled the request: \(detail)", retryAfter: retryAfter ?? fallback)
        }
        if ConnectorResponseClassifier.isRetryableStatus(status) {
            return .retryable(reason: "dingtalk is unavailable: \(detail)", retryAfter: retryAfter)
        }
        return .permanent(reason: "dingtalk refused the message: \(detail)")
    }

    /// Codes of the API gateway for a missing, malformed or expired token (compared lowercased).
    private static let authenticationCodes: Set<String> = [
        "invalidauthentication", "invalidaccesstoken", "accesstokenexpired", "invalidparameter.token.invalid",
    ]
}
