import Foundation

/// Encodes a text body for a 7-bit transport with lines of at most 76 characters: quoted-printable
/// for mostly-ASCII text, which stays readable in the raw message, base64 for text such as
/// Chinese, where quoted-printable would triple the size.
enum MIMEBodyEncoder {
    static let lineLimit = 76

    /// The transfer encoding's name and the encoded body, lines separated by CRLF. The body does
    /// not end with a line break of its own: the caller adds the one that precedes a boundary
    /// (RFC 2046 §5.1.1), so a text's own final line break survives.
    static func encode(_ text: String) -> (transferEncoding: String, body: String) {
        let canonical = canonicalLines(text).joined(separator: "\r\n")
        let bytes = Array(canonical.utf8)
        let nonASCII = bytes.count(where: { $0 >= 128 })
        if nonASCII * 4 > bytes.count {
            return ("base64", base64(bytes))
        }
        return ("quoted-printable", quotedPrintable(canonicalLines(text)))
    }

    /// The lines of `text`, whatever its line ends were: MIME text is CRLF-delimited (RFC 2046
    /// §4.1.1) and a bare CR or LF is read differently by different readers.
    static func canonicalLines(_ text: String) -> [Substring] {
        // Swift treats "\r\n" as one Character, so this splits CRLF, CR and LF alike.
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let encoded = Array(Data(bytes).base64EncodedString().utf8)
        return stride(from: 0, to: encoded.count, by: lineLimit).map { start in
            String(decoding: encoded[start..<min(start + lineLimit, encoded.count)], as: UTF8.self)
        }.joined(separator: "\r\n")
    }

    /// RFC 2045 §6.7: `=` and non-printable bytes as `=XX`, spaces and tabs before a line end as
    /// `=20`/`=09` (transports strip trailing whitespace), lines over 76 characters broken with a
    /// soft line break `=` that never splits an `=XX`.
    static func quotedPrintable(_ lines: [Substring]) -> String {
        lines.map(quotedPrintableLine).joined(separator: "\r\n")
    }

    private static func quotedPrintableLine(_ line: Substring) -> String {
        var encoded = ""
        let bytes = Array(line.utf8)
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal =
                (33...126).contains(byte) && byte != UInt8(ascii: "=")
                || (byte == UInt8(ascii: " ") || byte == 9) && !isLast
            let piece = literal ? String(UnicodeScalar(byte)) : "=" + hex(byte)
            // A soft break's "=" takes one column; the last piece of the line needs no break.
            let limit = isLast ? lineLimit : lineLimit - 1
            if current.count + piece.count > limit {
                encoded += current + "=\r\n"
                current = ""
            }
            current += piece
        }
        return encoded + current
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
