/// Why ``RESTClient`` returned no response for a request.
public enum RESTClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request got no HTTP answer.
    case transport(ConnectorHTTPError)
    /// The OAuth token endpoint refused the client credentials (a 4xx other than 408/425/429).
    case credentialsRejected(status: Int, detail: String)
    /// The OAuth token endpoint is busy or down (408/425/429/5xx).
    case tokenUnavailable(status: Int, detail: String, retryAfter: Duration?)
    /// The token endpoint answered 2xx without a usable `access_token`.
    case tokenResponseMalformed

    /// The classified failure for the sync scheduler.
    public var failure: IntegrationFailure {
        switch self {
        case .transport(let error):
            return error.isRetryable
                ? .retryable(reason: description, retryAfter: nil) : .permanent(reason: description)
        case .credentialsRejected: return .permanent(reason: description)
        case .tokenUnavailable(_, _, let retryAfter): return .retryable(reason: description, retryAfter: retryAfter)
        case .tokenResponseMalformed: return .retryable(reason: description, retryAfter: nil)
        }
    }

    /// One line for logs, without credentials.
    public var description: String {
        switch self {
        case .transport(let error): return "request failed: \(error)"
        case .credentialsRejected(let status, let detail):
            return "the token endpoint refused the client credentials: HTTP \(status) \(detail) "
                + "(check client id and secret)"
        case .tokenUnavailable(let status, let detail, _):
            return "the token endpoint is unavailable: HTTP \(status) \(detail)"
        case .tokenResponseMalformed: return "the token endpoint answered without access_token (protocol problem)"
        }
    }
}
