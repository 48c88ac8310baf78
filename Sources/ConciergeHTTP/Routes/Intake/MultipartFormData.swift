import Foundation

/// The parts of a `multipart/form-data` body (RFC 7578), as browsers send a form with files.
struct MultipartFormData {
    /// One field or file.
    struct Part {
        var name: String
        var filename: String?
        var contentType: String?
        var bytes: [UInt8]

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    var parts: [Part]

    /// The text of the first field named `name`.
    func text(_ name: String) -> String? { parts.first { $0.name == name && $0.filename == nil }?.text }

    /// Every text field, the first of each name.
    var textFields: [String: String] {
        parts.reversed().filter { $0.filename == nil }.reduce(into: [:]) { $0[$1.name] = $1.text }
    }

    /// The files (parts with a file name and bytes).
    var files: [Part] { parts.filter { $0.filename?.isEmpty == false && !$0.bytes.isEmpty } }

    /// Parses `body` with the boundary of `contentType`; `nil` when it is not multipart/form-data
    /// or the body does not follow it.
    init?(contentType: String, body: [UInt8]) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty
        else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        var sections = Self.split(body, on: delimiter)
        guard sections.count >= 2 else { return nil }
        sections.removeFirst()  // the preamble
        var parts: [Part] = []
        for section in sections {
            if section.starts(with: Array("--".utf8)) { break }  // the closing delimiter
            guard let part = Self.part(section) else { return nil }
            parts.append(part)
        }
        self.parts = parts
    }

    private static func part(_ section: ArraySlice<UInt8>) -> Part? {
        var section = section
        if section.starts(with: [13, 10]) { section = section.dropFirst(2) }
        guard let end = firstRange(of: [13, 10, 13, 10], in: section) else { return nil }
        let head = String(decoding: section[section.startIndex..<end.lowerBound], as: UTF8.self)
        var bytes = section[end.upperBound...]
        if bytes.suffix(2).elementsEqual([13, 10]) { bytes = bytes.dropLast(2) }
        var name: String?
        var filename: String?
        var type: String?
        for line in head.components(separatedBy: "\r\n") {
            let lower = line.lowercased()
            if lower.hasPrefix("content-disposition:") {
                name = parameter("name", in: line)
                filename = parameter("filename", in: line)
            } else if lower.hasPrefix("content-type:") {
                type = String(line.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces)
            }
        }
        guard let name else { return nil }
        return Part(name: name, filename: filename, contentType: type, bytes: Array(bytes))
    }

    /// `key=value` or `key="value"` of a header's parameters.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            return value
        }
        return nil
    }

    private static func split(_ body: [UInt8], on delimiter: [UInt8]) -> [ArraySlice<UInt8>] {
        var sections: [ArraySlice<UInt8>] = []
        var rest = body[...]
        while let range = firstRange(of: delimiter, in: rest) {
            sections.append(rest[rest.startIndex..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        sections.append(rest)
        return sections
    }

    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<(index + needle.count)
            }
            index += 1
        }
        return nil
    }
}
