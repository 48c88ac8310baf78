import Foundation

extension InboundEmail {
    /// Reads a raw message as received over SMTP or fetched over IMAP/POP3, with CRLF or bare LF
    /// line ends.
    ///
    /// Damage that leaves the message readable is repaired: a missing closing boundary, unknown
    /// charsets, broken base64 or quoted-printable, raw 8-bit header fields. What cannot be read
    /// at all, or exceeds `limits`, throws.
    public static func parse(
        _ raw: [UInt8],
        limits: InboundEmailLimits = .standard
    ) throws(InboundEmailError) -> InboundEmail {
        var parser = InboundMIMEParser(limits: limits)
        let root = try parser.parseMessage(raw)
        let headers = root.headers
        let content = InboundBodyCollector(root: root)
        let from = addresses(in: headers, "From").first
        return InboundEmail(
            from: from,
            replyTo: addresses(in: headers, "Reply-To"),
            to: addresses(in: headers, "To"),
            cc: addresses(in: headers, "Cc"),
            subject: headers["Subject"].map(displaySubject) ?? "",
            messageID: identifiers(in: headers, "Message-ID").first,
            inReplyTo: identifiers(in: headers, "In-Reply-To"),
            references: identifiers(in: headers, "References"),
            date: headers["Date"].flatMap(InboundDateParser.date(from:)),
            textBody: content.text,
            htmlBody: content.html,
            attachments: content.attachments,
            headers: headers,
            automation: InboundAutomationClassifier.automation(headers: headers, from: from, root: root)
        )
    }

    private static func addresses(in headers: InboundHeaders, _ name: String) -> [EmailAddress] {
        headers.all(name).flatMap(InboundAddressListParser.addresses(in:))
    }

    private static func identifiers(in headers: InboundHeaders, _ name: String) -> [String] {
        headers.all(name).flatMap(InboundMessageIDParser.identifiers(in:))
    }

    /// Encoded-words decoded; tabs and control characters, which could forge lines in logs or
    /// replies, become spaces.
    private static func displaySubject(_ raw: String) -> String {
        let decoded = InboundEncodedWordDecoder.decode(raw)
        let scalars = decoded.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }
        return String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
    }
}
