/// Decodes HTML character references: `&#20013;`, `&#x4e2d;` and the named entities mail
/// clients actually write (`&nbsp;`, `&amp;`, `&ldquo;`…).
enum InboundHTMLEntityDecoder {
    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "shy": "\u{AD}",
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘",
        "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»",
        "bull": "•", "middot": "·", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§",
        "para": "¶", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷", "iexcl": "¡", "iquest": "¿",
        "micro": "µ", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "auml": "ä", "ouml": "ö",
        "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "eacute": "é", "egrave": "è",
        "agrave": "à", "ccedil": "ç",
    ]
    /// Longer references are not references: `&` followed by ordinary text.
    private static let maximumReferenceLength = 10

    /// The character for the reference starting with the `&` at `start`, and the index after
    /// the reference; nil when no reference starts there, so the `&` is literal.
    static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        let bodyStart = start + 1
        guard bodyStart < scalars.count else { return nil }
        if scalars[bodyStart] == "#" { return numericReference(in: scalars, at: bodyStart + 1) }
        var end = bodyStart
        while end < scalars.count, end - bodyStart <= maximumReferenceLength, scalars[end].properties.isAlphabetic,
            scalars[end].isASCII
        {
            end += 1
        }
        guard end < scalars.count, scalars[end] == ";" else { return nil }
        let name = String(String.UnicodeScalarView(scalars[bodyStart..<end]))
        return named[name].map { ($0, end + 1) }
    }

    /// `#1234;` or `#x4e2d;` after the `&`; the semicolon may be missing. Code points that are
    /// not characters become U+FFFD.
    private static func numericReference(in scalars: [Unicode.Scalar], at digitsStart: Int) -> (Unicode.Scalar, Int)? {
        var index = digitsStart
        let isHex = index < scalars.count && (scalars[index] == "x" || scalars[index] == "X")
        if isHex { index += 1 }
        let radix = isHex ? 16 : 10
        let numberStart = index
        while index < scalars.count, index - numberStart <= maximumReferenceLength,
            scalars[index].isASCII, Character(scalars[index]).isHexDigit, isHex || Character(scalars[index]).isNumber
        {
            index += 1
        }
        guard index > numberStart else { return nil }
        let digits = String(String.UnicodeScalarView(scalars[numberStart..<index]))
        let end = index < scalars.count && scalars[index] == ";" ? index + 1 : index
        let scalar = UInt32(digits, radix: radix).flatMap { $0 == 0 ? nil : Unicode.Scalar($0) }
        return (scalar ?? "\u{FFFD}", end)
    }
}
