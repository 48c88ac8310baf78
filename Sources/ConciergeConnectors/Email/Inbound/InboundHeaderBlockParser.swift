import Foundation

/// Reads the header section of a message or MIME entity: the lines up to the first empty line.
enum InboundHeaderBlockParser {
    /// The fields at the start of `entity` and the index where its body starts. A line that is
    /// neither a field nor a continuation ends the header section early, as if an empty line
    /// preceded it, so a sender's missing separator does not swallow the body.
    static func parse(_ entity: ArraySlice<UInt8>) -> (headers: InboundHeaders, bodyStart: Int) {
        var fieldLines: [ArraySlice<UInt8>] = []
        var lineStart = entity.startIndex
        while lineStart < entity.endIndex {
            let newline = entity[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let nextLine = newline.map { $0 + 1 } ?? entity.endIndex
            var contentEnd = newline ?? entity.endIndex
            if contentEnd > lineStart, entity[contentEnd - 1] == 13 { contentEnd -= 1 }
            let line = entity[lineStart..<contentEnd]
            if line.isEmpty { return (fields(from: fieldLines), nextLine) }
            let isContinuation = line.first == UInt8(ascii: " ") || line.first == 9
            if isContinuation, let last = fieldLines.indices.last {
                fieldLines[last] = entity[fieldLines[last].startIndex..<contentEnd]
            } else if fieldNameEnd(in: line) != nil {
                fieldLines.append(line)
            } else {
                return (fields(from: fieldLines), lineStart)
            }
            lineStart = nextLine
        }
        return (fields(from: fieldLines), entity.endIndex)
    }

    /// The index of the colon that ends a field name: printable ASCII, optionally followed by
    /// spaces (obsolete syntax, RFC 5322 §4.5).
    private static func fieldNameEnd(in line: ArraySlice<UInt8>) -> Int? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { return nil }
        let name = line[..<colon]
        let trimmed = name.reversed().drop { $0 == UInt8(ascii: " ") || $0 == 9 }
        guard !trimmed.isEmpty, trimmed.allSatisfy({ (33...126).contains($0) }) else { return nil }
        return colon
    }

    private static func fields(from lines: [ArraySlice<UInt8>]) -> InboundHeaders {
        InboundHeaders(
            lines.compactMap { line in
                guard let colon = fieldNameEnd(in: line) else { return nil }
                let name = String(decoding: line[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                let value = unfolded(line[(colon + 1)...])
                return InboundHeaderField(name: name, value: value)
            }
        )
    }

    /// The value with its line breaks removed (RFC 5322 §2.2.3) and outer whitespace trimmed.
    private static func unfolded(_ value: ArraySlice<UInt8>) -> String {
        let bytes = value.filter { $0 != 13 && $0 != 10 }
        return InboundCharsetDecoder.decodeUnlabelled(bytes).trimmingCharacters(in: .whitespaces)
    }
}
