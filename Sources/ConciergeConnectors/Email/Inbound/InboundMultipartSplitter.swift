/// Splits the body of a multipart entity at its boundary lines (RFC 2046 §5.1.1).
enum InboundMultipartSplitter {
    /// The bodies between the delimiter lines, without the preamble and the epilogue. The line
    /// break before a delimiter belongs to the delimiter. Without a closing delimiter the last
    /// part runs to the end of the body; without any delimiter the entity is malformed.
    static func parts(of body: ArraySlice<UInt8>, boundary: String) throws(InboundEmailError) -> [ArraySlice<UInt8>] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        var sawDelimiter = false
        while lineStart < body.endIndex {
            let newline = body[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let nextLine = newline.map { $0 + 1 } ?? body.endIndex
            let kind = delimiterKind(body[lineStart..<(newline ?? body.endIndex)], delimiter: delimiter)
            if kind != .none {
                sawDelimiter = true
                if let start = partStart {
                    parts.append(body[start..<partEnd(before: lineStart, from: start, in: body)])
                }
                if kind == .closing {
                    partStart = nil
                    break
                }
                partStart = nextLine
            }
            lineStart = nextLine
        }
        if let start = partStart {
            parts.append(body[min(start, body.endIndex)...])
        }
        guard sawDelimiter, !parts.isEmpty else { throw .malformedMultipart }
        return parts
    }

    private enum DelimiterKind {
        case none
        case opening
        case closing
    }

    /// `--boundary` followed only by whitespace, or `--boundary--` followed by anything.
    private static func delimiterKind(_ line: ArraySlice<UInt8>, delimiter: [UInt8]) -> DelimiterKind {
        guard line.starts(with: delimiter) else { return .none }
        let rest = line.dropFirst(delimiter.count)
        if rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return .closing }
        return rest.allSatisfy { [UInt8(ascii: " "), 9, 13].contains($0) } ? .opening : .none
    }

    /// The end of a part whose following delimiter line starts at `lineStart`: before the CRLF
    /// or LF that precedes the delimiter.
    private static func partEnd(before lineStart: Int, from start: Int, in body: ArraySlice<UInt8>) -> Int {
        var end = lineStart
        if end > start, body[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, body[end - 1] == 13 { end -= 1 }
        return max(end, start)
    }
}
