/// Turns an HTML mail body into readable plain text: tags dropped, the content of `script`,
/// `style` and `head` dropped, block elements and `<br>` as line breaks, whitespace collapsed as
/// a browser would (except in `<pre>`), and character references decoded.
enum InboundHTMLTextConverter {
    private static let lineBreakingTags: Set<String> = [
        "p", "div", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "dt", "dd", "dl", "section", "article", "header", "footer", "address", "center",
    ]
    /// ASCII whitespace, which HTML collapses; a no-break space is not among it.
    private static let htmlWhitespace: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{0C}"]
    private static let hiddenContentTags: Set<String> = ["script", "style", "head", "title", "template", "noscript"]

    private struct Tag {
        var name: String
        var isClosing: Bool
        /// The index after the tag's `>`.
        var end: Int
    }

    /// The readable text of `html`.
    static func plainText(from html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var text: [Unicode.Scalar] = []
        var preformattedDepth = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let tag = tag(in: scalars, at: index) {
                index = tag.end
                if !tag.isClosing, hiddenContentTags.contains(tag.name) {
                    index = endOfElement(tag.name, in: scalars, from: index)
                } else if tag.name == "pre" {
                    preformattedDepth = max(0, preformattedDepth + (tag.isClosing ? -1 : 1))
                    startLine(in: &text)
                } else if tag.name == "br" {
                    trimTrailingSpaces(in: &text)
                    text.append("\n")
                } else if tag.name == "td" || tag.name == "th", !tag.isClosing {
                    appendSpace(to: &text)
                } else if lineBreakingTags.contains(tag.name) {
                    startLine(in: &text)
                }
            } else if scalar == "&", let (character, end) = InboundHTMLEntityDecoder.reference(in: scalars, at: index) {
                text.append(character)
                index = end
            } else if htmlWhitespace.contains(scalar), preformattedDepth == 0 {
                appendSpace(to: &text)
                index += 1
            } else {
                text.append(scalar)
                index += 1
            }
        }
        return tidied(text)
    }

    /// The tag starting at `start`, or nil when the `<` starts no tag and is literal text.
    /// Comments, doctypes and processing instructions come back as tags without a name.
    private static func tag(in scalars: [Unicode.Scalar], at start: Int) -> Tag? {
        guard start + 1 < scalars.count else { return nil }
        let first = scalars[start + 1]
        if first == "!" || first == "?" {
            let isComment = scalars[(start + 1)...].starts(with: "!--".unicodeScalars)
            let end =
                isComment ? indexAfter("-->", in: scalars, from: start + 4) : indexAfter(">", in: scalars, from: start)
            return Tag(name: "", isClosing: false, end: end)
        }
        let isClosing = first == "/"
        let nameStart = start + (isClosing ? 2 : 1)
        guard nameStart < scalars.count, isASCIILetter(scalars[nameStart]) else { return nil }
        var nameEnd = nameStart
        while nameEnd < scalars.count, isASCIILetter(scalars[nameEnd]) || ("0"..."9").contains(scalars[nameEnd]) {
            nameEnd += 1
        }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<nameEnd])).lowercased()
        return Tag(name: name, isClosing: isClosing, end: endOfTag(in: scalars, from: nameEnd))
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// The index after the `>` that closes a tag, skipping `>` inside quoted attribute values.
    private static func endOfTag(in scalars: [Unicode.Scalar], from start: Int) -> Int {
        var quote: Unicode.Scalar?
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                break
            }
        }
        return index
    }

    /// The index after `</name …>`, or the end of the text when the element is never closed.
    private static func endOfElement(_ name: String, in scalars: [Unicode.Scalar], from start: Int) -> Int {
        let closing = Array("</\(name)".unicodeScalars)
        var index = start
        while index + closing.count <= scalars.count {
            let candidate = scalars[index..<(index + closing.count)]
            if zip(candidate, closing).allSatisfy({ $0.properties.lowercaseMapping == String($1) }) {
                return endOfTag(in: scalars, from: index + closing.count)
            }
            index += 1
        }
        return scalars.count
    }

    private static func indexAfter(_ marker: String, in scalars: [Unicode.Scalar], from start: Int) -> Int {
        let pattern = Array(marker.unicodeScalars)
        var index = start
        while index + pattern.count <= scalars.count {
            if scalars[index..<(index + pattern.count)].elementsEqual(pattern) { return index + pattern.count }
            index += 1
        }
        return scalars.count
    }

    private static func appendSpace(to text: inout [Unicode.Scalar]) {
        guard let last = text.last, last != " ", last != "\n" else { return }
        text.append(" ")
    }

    private static func startLine(in text: inout [Unicode.Scalar]) {
        trimTrailingSpaces(in: &text)
        guard let last = text.last, last != "\n" else { return }
        text.append("\n")
    }

    private static func trimTrailingSpaces(in text: inout [Unicode.Scalar]) {
        while text.last == " " { text.removeLast() }
    }

    /// No-break spaces as spaces, no spaces at line ends, at most one empty line in a row, and
    /// no empty lines at the start or end.
    private static func tidied(_ text: [Unicode.Scalar]) -> String {
        var lines: [ArraySlice<Unicode.Scalar>] = []
        let spaced = text.map { $0 == "\u{A0}" ? " " : $0 }
        for line in spaced.split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = line
            while trimmed.last == " " { trimmed.removeLast() }
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(spaced.count)
        for scalar in lines.joined(separator: ["\n"]) {
            UTF8.encode(scalar) { utf8.append($0) }
        }
        // Much faster than appending scalars to a String one by one.
        return String(decoding: utf8, as: UTF8.self)
    }
}
