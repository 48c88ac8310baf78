import NIOHTTP1

/// One request of an exchange: the original, or what a redirect turned it into.
struct ConnectorHTTPHop: Sendable {
    var url: ConnectorURL
    var method: String
    var headers: [ConnectorHTTPHeader]
    var body: [UInt8]

    /// Headers the client sets itself; a caller's copy could contradict the framing
    /// (request smuggling) or the checked destination.
    private static let clientOwnedHeaders: Set<String> = [
        "host", "content-length", "transfer-encoding", "connection", "keep-alive", "te", "upgrade",
    ]

    /// Refuses what cannot be sent as given; the URL is already parsed.
    func validate() throws(ConnectorHTTPError) {
        guard !url.hasUserInfo else {
            throw .invalidURL("credentials in the URL are not supported; send an Authorization header")
        }
        guard !method.isEmpty, method.utf8.allSatisfy(Self.isTokenByte) else {
            throw .invalidURL("the method is not an HTTP token")
        }
    }

    /// The caller's headers without those the client owns, refusing names and values that
    /// could break the request apart (a line break in a value is header injection).
    static func validatedHeaders(_ headers: [ConnectorHTTPHeader]) throws(ConnectorHTTPError) -> [ConnectorHTTPHeader] {
        for header in headers {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(isTokenByte) else {
                throw .invalidURL("a header name is not an HTTP token")
            }
            guard !header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) else {
                // The value itself is not repeated: it may be a token.
                throw .invalidURL("the value of header \(header.name) contains a line break or NUL")
            }
        }
        return headers.filter { !clientOwnedHeaders.contains($0.name.lowercased()) }
    }

    /// The request head: the caller's headers plus `Host`, `User-Agent`, `Content-Length` and
    /// `Connection: close`.
    func requestHead(userAgent: String) -> HTTPRequestHead {
        var fields = HTTPHeaders()
        fields.add(name: "Host", value: url.authority)
        if !headers.contains(where: { $0.name.lowercased() == "user-agent" }) {
            fields.add(name: "User-Agent", value: userAgent)
        }
        for header in headers { fields.add(name: header.name, value: header.value) }
        // Servers reject a POST without a length (411) even when it is empty.
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) {
            fields.add(name: "Content-Length", value: String(body.count))
        }
        fields.add(name: "Connection", value: "close")
        return HTTPRequestHead(
            version: .http1_1, method: HTTPMethod(rawValue: method), uri: url.requestTarget, headers: fields)
    }

    /// The next hop when `response` is a redirect this client follows, `nil` when it is the answer.
    ///
    /// - Throws: ``ConnectorHTTPError/blockedDestination(host:reason:)`` for an https → http
    ///   downgrade, ``ConnectorHTTPError/invalidURL(_:)`` for a `Location` that is no http(s) URL.
    func redirected(
        by response: ConnectorHTTPResponse, configuration: ConnectorHTTPClientConfiguration
    ) throws(ConnectorHTTPError) -> ConnectorHTTPHop? {
        guard [301, 302, 303, 307, 308].contains(response.status), let location = response.header("location") else {
            return nil
        }
        var next = self
        next.url = try url.resolving(location)
        guard !(url.scheme == .https && next.url.scheme == .http) else {
            throw .blockedDestination(
                host: next.url.hostText, reason: "a redirect from https to http would send the request unencrypted")
        }
        try next.validate()
        // RFC 9110 §15.4: 303 always, and 301/302 in practice, mean "GET the other URL";
        // 307 and 308 promise the same method and body.
        if [301, 302, 303].contains(response.status), method != "HEAD" {
            next.method = "GET"
            next.body = []
            next.headers.removeAll { $0.name.lowercased().hasPrefix("content-") }
        }
        if !url.isSameOrigin(as: next.url) {
            let sensitive = Set(configuration.sensitiveHeaders.map { $0.lowercased() })
            next.headers.removeAll { sensitive.contains($0.name.lowercased()) }
        }
        return next
    }

    /// RFC 9110 §5.6.2 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
