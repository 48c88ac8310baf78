/// The answer to a ``ConnectorHTTPRequest`` (after redirects were followed).
///
/// Any status is a response, 4xx and 5xx included: what a status means is the vendor
/// connector's decision, not the transport's.
public struct ConnectorHTTPResponse: Sendable {
    /// The status code of the final response, e.g. 200 or 429.
    public var status: Int
    /// The response's headers in the order the server sent them.
    public var headers: [ConnectorHTTPHeader]
    /// The whole body, decoded from chunked transfer coding; never larger than the client's limit.
    public var body: [UInt8]

    /// Creates a response; the client makes these, fakes in tests may too.
    public init(status: Int, headers: [ConnectorHTTPHeader], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let name = name.lowercased()
        return headers.first { $0.name.lowercased() == name }?.value
    }
}
