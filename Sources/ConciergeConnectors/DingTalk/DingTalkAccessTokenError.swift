/// Why no access token could be had from DingTalk's `POST /v1.0/oauth2/accessToken`.
public enum DingTalkAccessTokenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request got no HTTP answer.
    case transport(ConnectorHTTPError)
    /// DingTalk refused the credentials or the request (a 4xx other than 408/425/429): wrong app
    /// key or secret, app disabled. Retrying does not help until the configuration changes.
    case rejected(status: Int, code: String)
    /// DingTalk is busy or throttling (408/425/429/5xx).
    case unavailable(status: Int, code: String)
    /// HTTP 200 without a usable `accessToken`/`expireIn`.
    case protocolViolation

    /// The delivery outcome of a message that could not be sent for this reason.
    public var outcome: ConnectorDeliveryOutcome {
        switch self {
        case .transport(let error): return ConnectorResponseClassifier.outcome(for: error, peer: "dingtalk token")
        case .rejected: return .permanent(reason: description)
        case .unavailable, .protocolViolation: return .retryable(reason: description, retryAfter: nil)
        }
    }

    /// One line for the delivery log, without the credentials.
    public var description: String {
        switch self {
        case .transport(let error): return "dingtalk access token request failed: \(error)"
        case .rejected(let status, let code):
            return "dingtalk refused the app credentials: HTTP \(status) \(code) (check AppKey/AppSecret)"
        case .unavailable(let status, let code): return "dingtalk access token unavailable: HTTP \(status) \(code)"
        case .protocolViolation: return "dingtalk access token answer has no accessToken/expireIn (protocol problem)"
        }
    }
}
