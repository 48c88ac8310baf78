/// Case-insensitive text matching for rule conditions, done on UTF-8 bytes so that it costs
/// no allocation per ticket once both sides are folded.
///
/// Folding lowercases (any script that has case) and maps full-width ASCII (`ＶＩＰ`, common
/// in Chinese input methods) to ASCII. Rule values are folded once when a rule is compiled;
/// ticket text once per evaluation run. Because UTF-8 is self-synchronising, a byte match of a
/// folded needle always starts and ends on character boundaries, so Chinese keywords such as
/// 退货 are found inside 我要申请退货 without any word segmentation.
enum RuleText {
    /// A folded keyword, ready to search for.
    struct Needle: Sendable, Equatable {
        /// The folded keyword's UTF-8 bytes.
        let bytes: [UInt8]
        /// Whether the keyword begins (ends) with an ASCII letter or digit: only then does a
        /// whole-word match need a boundary there. Chinese has no spaces between words, so a
        /// Chinese keyword matches anywhere.
        let boundedStart: Bool
        let boundedEnd: Bool

        init(folded text: String) {
            bytes = Array(text.utf8)
            boundedStart = bytes.first.map(RuleText.isWordByte) ?? false
            boundedEnd = bytes.last.map(RuleText.isWordByte) ?? false
        }
    }

    /// The text lowercased with full-width ASCII mapped to ASCII; returns `text` itself (no
    /// copy) when it is already lowercase ASCII.
    ///
    /// Works scalar by scalar on UTF-8 bytes: Chinese, Japanese and Korean text (no case)
    /// is copied as is, and only scalars that have case ask the Unicode tables, which keeps
    /// folding a Chinese comment cheap.
    static func fold(_ text: String) -> String {
        var plain = true
        for byte in text.utf8 where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) {
            plain = false
            break
        }
        if plain { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x41...0x5A: bytes.append(UInt8(value + 0x20))
            case 0..<0x80: bytes.append(UInt8(value))
            case 0xFF21...0xFF3A: bytes.append(UInt8(value - 0xFEE0 + 0x20))
            case 0xFF01...0xFF5E: bytes.append(UInt8(value - 0xFEE0))
            // The ideographic space, so that keyword lists typed with it still split.
            case 0x3000: bytes.append(0x20)
            // CJK punctuation, kana, ideographs, Hangul: no case.
            case 0x3001...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF: append(scalar, to: &bytes)
            default:
                if scalar.properties.changesWhenLowercased {
                    bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    append(scalar, to: &bytes)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        UTF8.encode(scalar) { bytes.append($0) }
    }

    /// Keywords from a string (split at whitespace, full-width spaces included).
    static func keywords(in text: String) -> [String] {
        fold(text).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Whether folded `haystack` contains the needle anywhere.
    static func contains(_ haystack: String, _ needle: Needle) -> Bool {
        find(needle, in: haystack, wholeWord: false)
    }

    /// Whether folded `haystack` contains the needle as a word: an ASCII keyword must not
    /// have an ASCII letter or digit right before or after it (`refund` does not match
    /// `refunds`), a Chinese one matches anywhere.
    static func containsWord(_ haystack: String, _ needle: Needle) -> Bool {
        find(needle, in: haystack, wholeWord: true)
    }

    /// Whether two folded texts are equal, byte for byte (no Unicode normalisation: both
    /// sides went through ``fold(_:)``).
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8)
    }

    private static func find(_ needle: Needle, in haystack: String, wholeWord: Bool) -> Bool {
        if needle.bytes.isEmpty { return true }
        var haystack = haystack
        return haystack.withUTF8 { hay in
            needle.bytes.withUnsafeBufferPointer { pattern in
                search(pattern, in: hay, wholeWord: wholeWord, needle: needle)
            }
        }
    }

    private static func search(
        _ pattern: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, wholeWord: Bool, needle: Needle
    ) -> Bool {
        let count = pattern.count
        guard hay.count >= count else { return false }
        let first = pattern[0]
        var start = 0
        let last = hay.count - count
        while start <= last {
            if hay[start] == first && matches(pattern, hay, at: start) {
                if !wholeWord || isWholeWord(hay, start: start, end: start + count, needle: needle) { return true }
            }
            start += 1
        }
        return false
    }

    private static func matches(_ pattern: UnsafeBufferPointer<UInt8>, _ hay: UnsafeBufferPointer<UInt8>, at start: Int)
        -> Bool
    {
        var index = 1
        while index < pattern.count {
            if hay[start + index] != pattern[index] { return false }
            index += 1
        }
        return true
    }

    private static func isWholeWord(_ hay: UnsafeBufferPointer<UInt8>, start: Int, end: Int, needle: Needle) -> Bool {
        if needle.boundedStart && start > 0 && isWordByte(hay[start - 1]) { return false }
        if needle.boundedEnd && end < hay.count && isWordByte(hay[end]) { return false }
        return true
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }
}
