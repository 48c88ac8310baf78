/// Why a request got no HTTP response.
///
/// The associated strings are for the delivery log and may be shown to the tenant: they name
/// hosts and causes, never a URL's query string, userinfo or any header value.
public enum ConnectorHTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL (or a redirect's `Location`), the method or a header cannot be sent as given.
    /// Permanent.
    case invalidURL(String)
    /// The SSRF guard refused the destination: which host, and why. Permanent.
    case blockedDestination(host: String, reason: String)
    /// The host name did not resolve. Retryable: DNS trouble passes.
    case nameResolutionFailed(host: String)
    /// No connection could be made, or it broke before a response arrived. Retryable.
    case connectionFailed(String)
    /// The request's timeout passed, redirects included. Retryable.
    case timedOut
    /// The TLS handshake failed (untrusted or mismatched certificate, no common version), or the
    /// trust store could not be loaded. Permanent; the message says why.
    case tlsFailure(String)
    /// The response body exceeded the client's limit, in bytes. Permanent.
    case responseTooLarge(limit: Int)
    /// The server redirected more often than the client follows. Permanent.
    case tooManyRedirects
    /// The server's answer is not valid HTTP/1.1, or it stopped in the middle. Retryable.
    case protocolViolation(String)

    /// Whether the same request may succeed later.
    public var isRetryable: Bool {
        switch self {
        case .nameResolutionFailed, .connectionFailed, .timedOut, .protocolViolation:
            return true
        case .invalidURL, .blockedDestination, .tlsFailure, .responseTooLarge, .tooManyRedirects:
            return false
        }
    }

    /// One line for the delivery log.
    public var description: String {
        switch self {
        case .invalidURL(let reason): return "invalid request: \(reason)"
        case .blockedDestination(let host, let reason): return "destination \(host) blocked: \(reason)"
        case .nameResolutionFailed(let host): return "cannot resolve host \(host)"
        case .connectionFailed(let reason): return "connection failed: \(reason)"
        case .timedOut: return "timed out"
        case .tlsFailure(let reason): return "TLS failure: \(reason)"
        case .responseTooLarge(let limit): return "response body larger than \(limit) bytes"
        case .tooManyRedirects: return "too many redirects"
        case .protocolViolation(let reason): return "HTTP protocol violation: \(reason)"
        }
    }
}
