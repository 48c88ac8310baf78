import Foundation

/// Sorts the leaves of a MIME tree into the text body, the HTML body and attachments.
struct InboundBodyCollector {
    private(set) var text = ""
    private(set) var html: String?
    private(set) var attachments: [InboundAttachment] = []

    /// A leaf is body text when it is `text/plain` or `text/html`, is not marked as an
    /// attachment and has no file name; every other leaf is an attachment. Several body parts of
    /// one kind, as Apple Mail writes around inline images, are joined with line breaks. Without
    /// a text part that has text, the text body is the HTML body made readable.
    init(root: InboundMIMEPart) {
        var texts: [String] = []
        var htmls: [String] = []
        for leaf in root.leaves {
            let type = leaf.contentType.value
            let isBody =
                (type == "text/plain" || type == "text/html") && leaf.disposition?.value != "attachment"
                && leaf.filename == nil
            if isBody && type == "text/plain" {
                texts.append(Self.text(of: leaf))
            } else if isBody {
                htmls.append(Self.text(of: leaf))
            } else {
                attachments.append(Self.attachment(from: leaf))
            }
        }
        html = htmls.isEmpty ? nil : htmls.joined(separator: "\n")
        // Some clients send an empty text part next to the real HTML one.
        let hasText = texts.contains { !$0.allSatisfy(\.isWhitespace) }
        text =
            hasText || htmls.isEmpty
            ? texts.joined(separator: "\n")
            : htmls.map(InboundHTMLTextConverter.plainText).joined(separator: "\n")
    }

    /// The part's text in its charset (for HTML without one, the charset its `<meta>` names),
    /// with `\n` line ends and without a byte order mark.
    private static func text(of part: InboundMIMEPart) -> String {
        var charset = part.contentType.parameters["charset"]
        if charset == nil, part.contentType.value == "text/html" {
            charset = InboundHTMLCharsetSniffer.charset(in: part.body)
        }
        let decoded = InboundCharsetDecoder.decode(part.body, charset: charset)
        let withoutMark = decoded.hasPrefix("\u{FEFF}") ? String(decoded.dropFirst()) : decoded
        return withLineFeeds(withoutMark)
    }

    /// CRLF and bare CR as LF, working on UTF-8 code units, where both are single bytes.
    private static func withLineFeeds(_ text: String) -> String {
        let carriageReturn = UInt8(ascii: "\r")
        let lineFeed = UInt8(ascii: "\n")
        guard text.utf8.contains(carriageReturn) else { return text }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(text.utf8.count)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == lineFeed, previous == carriageReturn {
                previous = byte
                continue
            }
            utf8.append(byte == carriageReturn ? lineFeed : byte)
            previous = byte
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private static func attachment(from part: InboundMIMEPart) -> InboundAttachment {
        let isMessage = part.contentType.value == "message/rfc822"
        let contentID = part.contentID
        return InboundAttachment(
            filename: part.filename ?? (isMessage ? attachedMessageFilename(part.body) : nil),
            contentType: part.contentType.value,
            contentID: contentID,
            isInline: part.disposition.map { $0.value == "inline" } ?? (contentID != nil),
            bytes: part.body
        )
    }

    /// `Subject.eml` for an attached message without a name, `message.eml` without a subject.
    private static func attachedMessageFilename(_ message: [UInt8]) -> String {
        let subject = InboundHeaderBlockParser.parse(message[...]).headers.decoded("Subject") ?? ""
        let unsafe = CharacterSet(charactersIn: "/\\:*?\"<>|").union(.controlCharacters)
        let safe = subject.unicodeScalars.map { unsafe.contains($0) ? "_" : Character($0) }
        let name = String(String(safe).trimmingCharacters(in: .whitespaces).prefix(100))
        return (name.isEmpty ? "message" : name) + ".eml"
    }
}
