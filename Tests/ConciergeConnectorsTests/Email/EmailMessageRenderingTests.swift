import Foundation
import Testing

@testable import ConciergeConnectors

@Suite("EmailMessage renders RFC 5322")
struct EmailMessageRenderingTests {
    private static func rendered(_ message: EmailMessage) throws -> String {
        String(decoding: try message.rfc5322Bytes(), as: UTF8.self)
    }

    private static func headerBlock(_ text: String) -> String {
        String(text[..<(text.range(of: "\r\n\r\n")?.lowerBound ?? text.endIndex)])
    }

    @Test(arguments: [
        ("Subject", "Hi\r\nBcc: victim@example.com"), ("Subject", "Hi\nX-Evil: 1"), ("Subject", "Hi\rX-Evil: 1"),
        ("Subject", "nul\u{0}byte"), ("From", "Support\r\nBcc: x@example.com"), ("To", "张三\n"),
        ("X-Ticket", "1001\r\n"), ("In-Reply-To", "<a@b>\r\nX-Evil: 1"), ("References", "<a@b>\nX-Evil: 1"),
    ])
    func lineBreakInAnyHeaderValueIsRejected(field: String, value: String) {
        // given
        var message = EmailMessage.ticketUpdate()
        switch field {
        case "Subject": message.subject = value
        case "From": message.from.displayName = value
        case "To": message.to[0].displayName = value
        case "In-Reply-To": message.inReplyTo = value
        case "References": message.references = [value]
        default: message.additionalHeaders = [.init(name: field, value: value)]
        }

        // then
        #expect(throws: EmailMessageError.lineBreakInHeader(field: field)) { try message.rfc5322Bytes() }
    }

    @Test(arguments: [
        "a@b.example\r\nRCPT TO:<x@y>", "a b@example.com", "<a@example.com>", "张三@example.com", "no-at-sign",
        "@example.com", "a@",
    ])
    func malformedAddressIsRejected(address: String) {
        // given
        let message = EmailMessage.ticketUpdate(to: [EmailAddress(address)])

        // then
        #expect(throws: EmailMessageError.invalidAddress(address)) { try message.rfc5322Bytes() }
    }

    @Test(arguments: ["Subject", "bcc", "X Evil", "X:Evil", ""])
    func additionalHeaderWithReservedOrMalformedNameIsRejected(name: String) {
        var message = EmailMessage.ticketUpdate()
        message.additionalHeaders = [.init(name: name, value: "v")]
        #expect(throws: EmailMessageError.invalidHeaderName(name)) { try message.rfc5322Bytes() }
    }

    @Test func longChineseSubjectIsSplitIntoEncodedWordsOnLinesOfAtMost76() throws {
        // given
        var message = EmailMessage.ticketUpdate()
        message.subject = String(repeating: "您的工单 #1001 已更新，请查看最新回复。", count: 6)

        // when
        let header = Self.headerBlock(try Self.rendered(message))

        // then
        let lines = header.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        let words = header.split(whereSeparator: { $0 == " " || $0 == "\r\n" }).filter { $0.hasPrefix("=?UTF-8?B?") }
        #expect(words.count > 6)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasSuffix("?=") })
        let decoded = words.map { word in
            Data(base64Encoded: String(word.dropFirst(10).dropLast(2))).map { String(decoding: $0, as: UTF8.self) }
        }
        // Every word decodes on its own: no UTF-8 sequence is split between two words.
        #expect(decoded.allSatisfy { $0 != nil && !$0!.contains("\u{FFFD}") })
    }

    @Test func plainASCIIHeadersStayReadableAndFoldAtSpaces() throws {
        // given
        var message = EmailMessage.ticketUpdate(to: (1...8).map { EmailAddress("customer\($0)@example.com") })
        message.subject = "Your ticket #1001 was updated by our support team, please have a look at the reply"
        message.from = EmailAddress("support@acme.example", displayName: "ACME Support")

        // when
        let header = Self.headerBlock(try Self.rendered(message))

        // then
        #expect(header.contains("From: ACME Support <support@acme.example>\r\n"))
        #expect(
            header.contains(
                "Subject: Your ticket #1001 was updated by our support team, please have a\r\n look at the reply"))
        #expect(header.contains("To: customer1@example.com, customer2@example.com,"))
        #expect(header.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
    }

    @Test(arguments: [
        ("Doe, John", "\"Doe, John\" <j@example.com>"),
        ("Say \"hi\"", "\"Say \\\"hi\\\"\" <j@example.com>"),
        ("=?UTF-8?B?eA==?=", "=?UTF-8?B?PT9VVEYtOD9CP2VBPT0/PQ==?= <j@example.com>"),
    ])
    func displayNamesWithSpecialsAreQuotedOrEncoded(name: String, expected: String) throws {
        let message = EmailMessage.ticketUpdate(to: [EmailAddress("j@example.com", displayName: name)])
        #expect(try Self.rendered(message).contains("To: \(expected)\r\n"))
    }

    @Test func dateIsRFC5322InUTCWhateverTheLocale() {
        #expect(
            EmailMessage.rfc5322Date(Date(timeIntervalSince1970: 1_793_000_000)) == "Mon, 26 Oct 2026 07:33:20 +0000")
        #expect(EmailMessage.rfc5322Date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
    }

    @Test func messageIDIsGeneratedOnTheSendersDomainAndKeptAcrossRenderings() throws {
        // given
        let message = EmailMessage.ticketUpdate()

        // when
        let first = try Self.rendered(message)
        let second = try Self.rendered(message)

        // then
        #expect(message.messageID.hasPrefix("<") && message.messageID.hasSuffix("@acme.example>"))
        #expect(first.contains("Message-ID: \(message.messageID)\r\n"))
        #expect(second.contains("Message-ID: \(message.messageID)\r\n"))
    }

    @Test func chineseBodyIsBase64AndMostlyASCIIBodyQuotedPrintable() {
        #expect(MIMEBodyEncoder.encode("您好，您的工单已更新。").transferEncoding == "base64")
        #expect(MIMEBodyEncoder.encode("Hello 张三, ticket #1001 was updated.").transferEncoding == "quoted-printable")
    }

    @Test(arguments: [
        ("a=b", "a=3Db"),
        ("trailing space \nnext\t", "trailing space=20\r\nnext=09"),
        ("café", "caf=C3=A9"),
        ("\r\n.\r\n", "\r\n.\r\n"),
        (String(repeating: "x", count: 80), String(repeating: "x", count: 75) + "=\r\nxxxxx"),
        (String(repeating: "x", count: 74) + "é", String(repeating: "x", count: 74) + "=\r\n=C3=A9"),
    ])
    func quotedPrintableEscapesAndKeepsLinesShort(text: String, expected: String) {
        #expect(MIMEBodyEncoder.quotedPrintable(MIMEBodyEncoder.canonicalLines(text)) == expected)
    }

    @Test func base64BodyLinesAreAtMost76() {
        let body = MIMEBodyEncoder.base64(Array(String(repeating: "工单", count: 100).utf8))
        let lines = body.components(separatedBy: "\r\n")
        #expect(lines.dropLast().allSatisfy { $0.count == 76 })
        #expect(lines.last.map { $0.count <= 76 } == true)
    }

    @Test func messageWithoutRecipientsIsRejected() {
        #expect(throws: EmailMessageError.noRecipients) { try EmailMessage.ticketUpdate(to: []).rfc5322Bytes() }
    }
}
