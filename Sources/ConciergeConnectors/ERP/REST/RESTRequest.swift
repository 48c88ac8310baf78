/// One call a vendor adapter makes through ``RESTClient``: a path under the client's base URL,
/// query parameters (encoded by the client) and a body.
public struct RESTRequest: Sendable {
    /// The method, e.g. `GET`, `POST`, `PATCH`.
    public var method: String
    /// The path under the base URL, starting with `/`; it may carry an already encoded query
    /// (Salesforce's `nextRecordsUrl`).
    public var path: String
    /// Query parameters appended after the path's own, percent-encoded by the client.
    public var query: [(name: String, value: String)]
    /// Extra headers, e.g. a session cookie or `Sforce-Query-Options`.
    public var headers: [ConnectorHTTPHeader]
    /// The body bytes; empty for none.
    public var body: [UInt8]
    /// The body's `Content-Type`, sent when the body is not empty.
    public var contentType: String?

    /// Creates a request.
    public init(
        method: String, path: String, query: [(name: String, value: String)] = [], headers: [ConnectorHTTPHeader] = [],
        body: [UInt8] = [], contentType: String? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.contentType = contentType
    }

    /// A request whose body is `object` as JSON (see `VendorJSON.encode`).
    static func json(
        _ method: String, _ path: String, _ object: [String: Any], query: [(name: String, value: String)] = [],
        headers: [ConnectorHTTPHeader] = []
    ) -> RESTRequest {
        RESTRequest(
            method: method, path: path, query: query, headers: headers, body: VendorJSON.encode(object),
            contentType: "application/json")
    }

    /// A request whose body is `fields` as `application/x-www-form-urlencoded`.
    static func form(_ path: String, _ fields: [(name: String, value: String)]) -> RESTRequest {
        let text = fields.map { "\(PercentEncoding.formComponent($0.name))=\(PercentEncoding.formComponent($0.value))" }
            .joined(separator: "&")
        return RESTRequest(
            method: "POST", path: path, body: Array(text.utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// The path with the query parameters appended, as it goes on the wire (and into HMAC signatures).
    var pathAndQuery: String {
        guard !query.isEmpty else { return path }
        let encoded = query.map { "\(PercentEncoding.urlComponent($0.name))=\(PercentEncoding.urlComponent($0.value))" }
            .joined(separator: "&")
        return path + (path.contains("?") ? "&" : "?") + encoded
    }
}
