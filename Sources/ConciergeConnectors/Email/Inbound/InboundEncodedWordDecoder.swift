/// Decodes RFC 2047 encoded-words (`=?GB2312?B?xOO6ww==?=`, `=?UTF-8?Q?caf=C3=A9?=`) in header
/// text. Whitespace between two encoded-words is dropped (§6.2), and adjacent words in the same
/// charset are decoded together, so a character split across two words by the sender survives.
enum InboundEncodedWordDecoder {
    /// Charset names are short, and encoded-words should be (75 characters, RFC 2047 §2); the
    /// generous limits keep a field full of `=?` from being scanned again and again.
    private static let maximumCharsetLength = 64
    private static let maximumWordLength = 2048

    private enum Segment {
        case text(ArraySlice<UInt8>)
        case word(charset: String, bytes: [UInt8])
    }

    /// `text` with every encoded-word replaced by the text it encodes; anything that only looks
    /// like an encoded-word stays as it is.
    static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        let segments = dropWhitespaceBetweenWords(segments(of: Array(text.utf8)))
        var output = ""
        var index = segments.startIndex
        while index < segments.endIndex {
            switch segments[index] {
            case .text(let bytes):
                output += String(decoding: bytes, as: UTF8.self)
                index += 1
            case .word(let charset, var bytes):
                index += 1
                while index < segments.endIndex, case .word(let nextCharset, let more) = segments[index],
                    nextCharset.lowercased() == charset.lowercased()
                {
                    bytes += more
                    index += 1
                }
                output += InboundCharsetDecoder.decode(bytes, charset: charset)
            }
        }
        return output
    }

    private static func segments(of bytes: [UInt8]) -> [Segment] {
        var segments: [Segment] = []
        var textStart = 0
        var index = 0
        while index < bytes.count {
            if let (word, end) = encodedWord(in: bytes, at: index) {
                if textStart < index { segments.append(.text(bytes[textStart..<index])) }
                segments.append(word)
                index = end
                textStart = end
            } else {
                index += 1
            }
        }
        if textStart < bytes.count { segments.append(.text(bytes[textStart...])) }
        return segments
    }

    private static func dropWhitespaceBetweenWords(_ segments: [Segment]) -> [Segment] {
        segments.indices.compactMap { index in
            guard case .text(let bytes) = segments[index], index > 0, index < segments.count - 1,
                case .word = segments[index - 1], case .word = segments[index + 1],
                bytes.allSatisfy({ [UInt8(ascii: " "), 9, 10, 13].contains($0) })
            else { return segments[index] }
            return nil
        }
    }

    /// The encoded-word `=?charset?encoding?text?=` starting at `start`, and the index after it.
    private static func encodedWord(in bytes: [UInt8], at start: Int) -> (Segment, Int)? {
        let question = UInt8(ascii: "?")
        guard start + 1 < bytes.count, bytes[start] == UInt8(ascii: "="), bytes[start + 1] == question,
            let charsetEnd = bytes[(start + 2)..<min(start + maximumCharsetLength, bytes.count)].firstIndex(
                of: question),
            charsetEnd > start + 2,
            charsetEnd + 2 < bytes.count, bytes[charsetEnd + 2] == question
        else { return nil }
        let textStart = charsetEnd + 3
        var textEnd = textStart
        while textEnd + 1 < bytes.count, !(bytes[textEnd] == question && bytes[textEnd + 1] == UInt8(ascii: "=")) {
            guard bytes[textEnd] > 32, bytes[textEnd] < 127, textEnd - start < maximumWordLength else { return nil }
            textEnd += 1
        }
        guard textEnd + 1 < bytes.count else { return nil }
        let charsetBytes = bytes[(start + 2)..<charsetEnd]
        guard charsetBytes.allSatisfy({ $0 > 32 && $0 < 127 }) else { return nil }
        let charset = String(decoding: charsetBytes, as: UTF8.self)
        let encodedText = bytes[textStart..<textEnd]
        let decoded: [UInt8]
        switch bytes[charsetEnd + 1] {
        case UInt8(ascii: "B"), UInt8(ascii: "b"):
            decoded = InboundTransferDecoder.base64(encodedText)
        case UInt8(ascii: "Q"), UInt8(ascii: "q"):
            let spaced = encodedText.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }
            decoded = InboundTransferDecoder.decodeEscapes(spaced[...])
        default:
            return nil
        }
        return (.word(charset: charset, bytes: decoded), textEnd + 2)
    }
}
