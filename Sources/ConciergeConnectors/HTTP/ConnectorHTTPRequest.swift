/// One outbound HTTP request made by a connector.
///
/// ```swift
/// let request = ConnectorHTTPRequest(
///     url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=\(key)",
///     headers: [ConnectorHTTPHeader("Content-Type", "application/json")],
///     body: Array(json.utf8), timeout: .seconds(5))
/// logger.info("delivering", metadata: ["request": "\(request.redactedSummary)"])
/// ```
public struct ConnectorHTTPRequest: Sendable {
    /// The method: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`.
    public var method: String
    /// An absolute `http://` or `https://` URL, which may carry a query. Non-ASCII characters
    /// in the path and query are percent-encoded on the way; a non-ASCII host must be given
    /// in punycode; userinfo (`user:pass@`) is refused, send an `Authorization` header.
    public var url: String
    /// Headers to send. `Host`, `Content-Length`, `Transfer-Encoding` and `Connection` are the
    /// client's to set and are dropped; a `User-Agent` given here replaces the client's.
    public var headers: [ConnectorHTTPHeader]
    /// The body, sent with a `Content-Length`.
    public var body: [UInt8]
    /// The limit for the whole exchange: resolving, connecting, TLS, every redirect, reading.
    public var timeout: Duration

    /// Creates a request; nothing is checked until it is sent.
    public init(
        method: String = "POST", url: String, headers: [ConnectorHTTPHeader] = [], body: [UInt8] = [],
        timeout: Duration = .seconds(10)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// A short line for delivery logs: method, scheme://host[:port]/path — never the query
    /// string, userinfo or any header value (secrets live there, e.g. WeCom's `key=`).
    public var redactedSummary: String {
        guard let url = try? ConnectorURL.parse(url) else { return "\(method) (invalid URL)" }
        return "\(method) \(url.redacted)"
    }
}
