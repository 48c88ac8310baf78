/// An absolute http(s) URL taken apart the way the connector client needs it, with the host
/// already classified as a name or a (normalised) IP address.
///
/// The parser is deliberately stricter than a browser's: whatever it cannot read one way only
/// (a backslash or `%` in the host, a zone identifier, two `@`-separated authorities) is refused
/// rather than guessed, because a guard and a connector that read a URL differently is how
/// SSRF filters are bypassed. Error messages never repeat the URL: it may carry a secret.
struct ConnectorURL: Sendable, Equatable {
    enum Scheme: String, Sendable {
        case http
        case https

        var defaultPort: Int { self == .https ? 443 : 80 }
    }

    enum Host: Sendable, Equatable {
        /// A DNS name, lower case, without a trailing dot.
        case name(String)
        /// An IP literal, whatever form it was written in.
        case address(IPAddress)
    }

    var scheme: Scheme
    var host: Host
    var port: Int
    /// Whether the URL had `user:password@`, which the client refuses to send.
    var hasUserInfo: Bool
    /// The path, starting with `/`, percent-encoded.
    var path: String
    /// The query without `?`, percent-encoded; `nil` when there was none.
    var query: String?

    /// The host as it appears in a URL and the `Host` header: IPv6 in brackets.
    var hostText: String {
        switch host {
        case .name(let name): return name
        case .address(let address): return address.isIPv6 ? "[\(address)]" : "\(address)"
        }
    }

    /// `Host` header value: the port only when it is not the scheme's default.
    var authority: String { port == scheme.defaultPort ? hostText : "\(hostText):\(port)" }

    /// What goes on the request line.
    var requestTarget: String { query.map { "\(path)?\($0)" } ?? path }

    /// `scheme://host[:port]/path` for logs: no userinfo, query or fragment.
    var redacted: String { "\(scheme.rawValue)://\(authority)\(path)" }

    /// The name for TLS SNI and certificate verification; `nil` for an IP literal, which SNI
    /// cannot carry (NIOSSL then checks the certificate against the connected address).
    var serverName: String? {
        if case .name(let name) = host { return name }
        return nil
    }

    /// Whether `other` is the same origin (scheme, host, port): credentials stay within one.
    func isSameOrigin(as other: ConnectorURL) -> Bool {
        scheme == other.scheme && host == other.host && port == other.port
    }

    /// Parses an absolute http or https URL.
    ///
    /// - Throws: ``ConnectorHTTPError/invalidURL(_:)`` saying what is wrong, without the URL.
    static func parse(_ text: String) throws(ConnectorHTTPError) -> ConnectorURL {
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .invalidURL("the URL contains a control character")
        }
        guard let separator = text.firstRange(of: "://") else { throw .invalidURL("the URL is not absolute") }
        guard let scheme = Scheme(rawValue: text[..<separator.lowerBound].lowercased()) else {
            throw .invalidURL("only http and https URLs are supported")
        }
        var rest = text[separator.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let pathAndQuery = rest[authorityEnd...]

        guard !authority.contains("\\") else { throw .invalidURL("the authority contains a backslash") }
        let hasUserInfo = authority.contains("@")
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let (host, port) = try parseHostAndPort(authority, scheme: scheme)

        var path = Substring(pathAndQuery)
        var query: String?
        if let mark = path.firstIndex(of: "?") {
            query = percentEncoded(path[path.index(after: mark)...])
            path = path[..<mark]
        }
        return ConnectorURL(
            scheme: scheme, host: host, port: port, hasUserInfo: hasUserInfo,
            path: path.isEmpty ? "/" : percentEncoded(path), query: query)
    }

    private static func parseHostAndPort(_ authority: Substring, scheme: Scheme) throws(ConnectorHTTPError) -> (
        Host, Int
    ) {
        let hostPart: Substring
        var portPart: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidURL("unclosed IPv6 bracket") }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidURL("junk after the IPv6 address") }
                portPart = after.dropFirst()
            }
        } else {
            let pieces = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            hostPart = pieces[0]
            portPart = pieces.count == 2 ? pieces[1] : nil
        }

        var port = scheme.defaultPort
        if let portPart {
            guard (1...5).contains(portPart.count), portPart.allSatisfy({ $0.isASCII && $0.isWholeNumber }),
                let number = Int(portPart), (1...65_535).contains(number)
            else { throw .invalidURL("the port is not a number from 1 to 65535") }
            port = number
        }
        if authority.hasPrefix("[") {
            return (try parseIPv6Literal(hostPart), port)
        }
        return (try parseHostName(hostPart), port)
    }

    private static func parseIPv6Literal(_ text: Substring) throws(ConnectorHTTPError) -> Host {
        guard !text.contains("%") else { throw .invalidURL("IPv6 zone identifiers are not supported") }
        guard let value = IPAddress.parseIPv6(text) else { throw .invalidURL("malformed IPv6 address") }
        return .address(.v6(high: value.high, low: value.low))
    }

    private static func parseHostName(_ text: Substring) throws(ConnectorHTTPError) -> Host {
        guard text.allSatisfy(\.isASCII) else {
            throw .invalidURL("the host is not ASCII; give internationalised names in punycode (xn--…)")
        }
        let lower = text.lowercased()
        guard !lower.isEmpty, lower.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" })
        else { throw .invalidURL("the host is empty or contains characters a host name cannot have") }
        switch IPAddress.parseURLHostIPv4(Substring(lower)) {
        case .address(let value):
            return .address(.v4(value))
        case .invalid:
            throw .invalidURL("the host looks like an IPv4 address but is not one")
        case .notIPv4:
            break
        }
        let name = lower.hasSuffix(".") ? String(lower.dropLast()) : lower
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard name.utf8.count <= 253, labels.allSatisfy({ (1...63).contains($0.utf8.count) }) else {
            throw .invalidURL("the host name has an empty or over-long label")
        }
        return .name(name)
    }

    /// Percent-encodes what may not appear raw on a request line (space, quotes, angle
    /// brackets, non-ASCII as UTF-8); keeps existing escapes and every other character as is.
    static func percentEncoded(_ text: Substring) -> String {
        var result = ""
        for byte in text.utf8 {
            if byte > 0x20, byte < 0x7F, !"\"<>\\^`{|}".utf8.contains(byte) {
                result.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                result +=
                    "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
