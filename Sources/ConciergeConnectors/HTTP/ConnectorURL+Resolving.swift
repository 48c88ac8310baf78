extension ConnectorURL {
    /// The URL a redirect's `Location` points to, relative references resolved against this URL
    /// (RFC 3986 §5.2), then parsed as strictly as the original.
    ///
    /// - Throws: ``ConnectorHTTPError/invalidURL(_:)`` when the result is no http(s) URL.
    func resolving(_ reference: String) throws(ConnectorHTTPError) -> ConnectorURL {
        let reference = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let origin = "\(scheme.rawValue)://\(hostText):\(port)"
        let absolute: String
        if Self.hasScheme(reference) {
            absolute = String(reference)
        } else if reference.hasPrefix("//") {
            absolute = "\(scheme.rawValue):\(reference)"
        } else if reference.hasPrefix("/") {
            absolute = origin + Self.removingDotSegments(reference)
        } else if reference.hasPrefix("?") {
            absolute = origin + path + reference
        } else if reference.isEmpty {
            absolute = origin + requestTarget
        } else {
            let (relativePath, relativeQuery) = Self.splitQuery(reference)
            let directory = path[...(path.lastIndex(of: "/") ?? path.startIndex)]
            absolute = origin + Self.removingDotSegments(directory + relativePath) + relativeQuery
        }
        do {
            return try Self.parse(absolute)
        } catch {
            throw .invalidURL("the redirect location is not a valid http(s) URL: \(error.description)")
        }
    }

    /// Whether `reference` starts with `scheme:` (RFC 3986 §3.1), so it is absolute.
    private static func hasScheme(_ reference: Substring) -> Bool {
        guard let colon = reference.firstIndex(of: ":"), let first = reference.first, first.isASCII, first.isLetter
        else { return false }
        return reference[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    private static func splitQuery(_ reference: Substring) -> (path: Substring, query: Substring) {
        guard let mark = reference.firstIndex(of: "?") else { return (reference, "") }
        return (reference[..<mark], reference[mark...])
    }

    /// RFC 3986 §5.2.4 for a path (the query, if any, is passed through untouched).
    static func removingDotSegments(_ pathAndQuery: some StringProtocol) -> String {
        let (path, query) = splitQuery(Substring(pathAndQuery))
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/") + query
    }
}
