import Foundation

/// A MIME field value with parameters, such as `Content-Type: text/plain; charset="gbk"` or
/// `Content-Disposition: attachment; filename*=UTF-8''%E6%8A%A5.pdf`. RFC 2231 extended and
/// continued parameters (`name*`, `name*0*`, `name*1`) are joined and decoded.
struct InboundParameterizedValue: Equatable {
    /// The value before the first `;`, lower case: `text/plain`, `attachment`.
    var value: String
    /// The parameters by lower-case name, after RFC 2231 decoding.
    var parameters: [String: String]

    /// Parses `raw`; a missing value gives an empty `value`.
    init(_ raw: String) {
        let pieces = Self.splitOutsideQuotes(raw)
        value = (pieces.first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        parameters = Self.joinedParameters(pieces.dropFirst().compactMap(Self.nameAndValue))
    }

    /// A parameter as display text: RFC 2047 encoded-words, which many clients put in quoted
    /// file names against the rules, are decoded too.
    func text(_ name: String) -> String? {
        parameters[name].map(InboundEncodedWordDecoder.decode)
    }

    private static func splitOutsideQuotes(_ raw: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var isQuoted = false
        var isEscaped = false
        for character in raw {
            if isEscaped {
                isEscaped = false
            } else if character == "\\" && isQuoted {
                isEscaped = true
            } else if character == "\"" {
                isQuoted.toggle()
            } else if character == ";" && !isQuoted {
                pieces.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }

    /// `name=value` with the name lower case and the value unquoted.
    private static func nameAndValue(_ piece: String) -> (name: String, value: String)? {
        guard let equals = piece.firstIndex(of: "=") else { return nil }
        let name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        let value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        return (name, value.hasPrefix("\"") ? unquoted(value) : value)
    }

    /// The content of a quoted string: `\"` and `\\` unescaped; other backslashes, common in
    /// Windows paths, are kept.
    private static func unquoted(_ quoted: String) -> String {
        var content = ""
        var characters = quoted.dropFirst()[...]
        while let character = characters.popFirst() {
            if character == "\"" { break }
            if character == "\\", let next = characters.first, next == "\"" || next == "\\" {
                content.append(next)
                characters = characters.dropFirst()
            } else {
                content.append(character)
            }
        }
        return content
    }

    /// Plain parameters as they are; `name*`, `name*0`, `name*1*`… joined in section order and
    /// decoded, preferred over a plain `name` of the same name.
    private static func joinedParameters(_ pairs: [(name: String, value: String)]) -> [String: String] {
        var plain: [String: String] = [:]
        var sections: [String: [(number: Int, isEncoded: Bool, value: String)]] = [:]
        for (name, value) in pairs {
            guard let star = name.firstIndex(of: "*") else {
                plain[name] = plain[name] ?? value
                continue
            }
            let base = String(name[..<star])
            let suffix = name[name.index(after: star)...]
            let isEncoded = suffix.hasSuffix("*") || suffix.isEmpty
            let number = Int(suffix.trimmingCharacters(in: ["*"])) ?? 0
            sections[base, default: []].append((number, isEncoded, value))
        }
        for (base, parts) in sections {
            plain[base] = decodedExtendedValue(parts.sorted { $0.number < $1.number })
        }
        return plain
    }

    /// RFC 2231 §4: the first encoded section starts with `charset'language'`; encoded sections
    /// are percent-escaped bytes in that charset, the others plain text.
    private static func decodedExtendedValue(_ parts: [(number: Int, isEncoded: Bool, value: String)]) -> String {
        var charset: String?
        var bytes: [UInt8] = []
        for (index, part) in parts.enumerated() {
            guard part.isEncoded else {
                bytes += Array(part.value.utf8)
                continue
            }
            var value = part.value[...]
            if index == 0 {
                let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = pieces[0].isEmpty ? nil : String(pieces[0])
                    value = pieces[2]
                }
            }
            bytes += percentDecoded(value)
        }
        return InboundCharsetDecoder.decode(bytes, charset: charset)
    }

    private static func percentDecoded(_ text: Substring) -> [UInt8] {
        InboundTransferDecoder.decodeEscapes(Array(text.utf8)[...], introducedBy: UInt8(ascii: "%"))
    }
}
