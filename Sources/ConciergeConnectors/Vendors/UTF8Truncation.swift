/// Shortens text to a vendor's byte limit without breaking a character.
///
/// Vendors count UTF-8 bytes (WeCom: 2048 for text, 4096 for markdown) and refuse longer content.
/// Cutting at a byte offset could split a Chinese character (3 bytes) or an emoji sequence and
/// produce invalid UTF-8, so the cut happens between grapheme clusters — which are always on a
/// Unicode scalar boundary — and an ellipsis marks that something was left out.
enum UTF8Truncation {
    /// What marks a cut: "…" (U+2026, 3 bytes in UTF-8).
    static let ellipsis = "\u{2026}"

    /// `text` itself when it fits in `maxBytes`, else its longest prefix of whole characters that
    /// fits together with the ellipsis, followed by the ellipsis.
    static func truncate(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        let budget = maxBytes - ellipsis.utf8.count
        guard budget > 0 else { return maxBytes >= ellipsis.utf8.count ? ellipsis : "" }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let width = text[index].utf8.count
            guard used + width <= budget else { break }
            used += width
            end = text.index(after: index)
        }
        return String(text[..<end]) + ellipsis
    }
}
