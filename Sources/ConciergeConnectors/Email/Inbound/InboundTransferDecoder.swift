import Foundation

/// Undoes a `Content-Transfer-Encoding` (RFC 2045 §6). Tolerant: base64 ignores characters
/// outside its alphabet and missing padding, quoted-printable keeps an `=` that starts no escape.
enum InboundTransferDecoder {
    /// The bytes `body` stands for under `encoding`; 7bit, 8bit, binary and unknown encodings
    /// return the body unchanged.
    static func decode(_ body: ArraySlice<UInt8>, encoding: String?) -> [UInt8] {
        switch encoding?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "base64": base64(body)
        case "quoted-printable": quotedPrintable(body)
        default: Array(body)
        }
    }

    /// Base64 without line structure: every four alphabet characters give three bytes; a final
    /// group of two or three characters gives one or two; the first `=` ends the data.
    static func base64(_ text: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bitCount = 0
        for character in text {
            if character == UInt8(ascii: "=") { break }
            guard let value = base64Value(character) else { continue }
            accumulator = (accumulator << 6) | UInt32(value)
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bitCount)))
                accumulator &= (1 << UInt32(bitCount)) - 1
            }
        }
        return output
    }

    private static func base64Value(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
        default: nil
        }
    }

    /// Quoted-printable body text: `=XX` escapes, soft line breaks (`=` at a line end, spaces
    /// after it allowed), and trailing spaces of each line dropped as RFC 2045 §6.7 rule 3 asks.
    static func quotedPrintable(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let newline = body[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            var contentEnd = newline
            while contentEnd > lineStart, [UInt8(ascii: " "), 9, 13].contains(body[contentEnd - 1]) {
                contentEnd -= 1
            }
            let isSoftBreak = contentEnd > lineStart && body[contentEnd - 1] == UInt8(ascii: "=")
            output += decodeEscapes(body[lineStart..<(isSoftBreak ? contentEnd - 1 : contentEnd)])
            if newline < body.endIndex, !isSoftBreak {
                output += body[contentEnd..<newline].contains(13) ? [13, 10] : [10]
            }
            lineStart = newline < body.endIndex ? newline + 1 : newline
        }
        return output
    }

    /// `=XX` escapes (or `%XX` and the like), upper or lower case; an escape character that
    /// starts no escape stays as it is.
    static func decodeEscapes(_ text: ArraySlice<UInt8>, introducedBy escape: UInt8 = UInt8(ascii: "=")) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == escape, let high = hexValue(text, index + 1), let low = hexValue(text, index + 2) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    private static func hexValue(_ text: ArraySlice<UInt8>, _ index: Int) -> UInt8? {
        guard index < text.endIndex else { return nil }
        switch text[index] {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return text[index] - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return text[index] - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return text[index] - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
