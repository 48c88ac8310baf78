import NIOCore
import Testing

@testable import ConciergeConnectors

@Suite("SMTP protocol pieces")
struct SMTPProtocolTests {
    @Test(arguments: [
        (["220 smtp.example.com ESMTP ready\r\n"], [SMTPReply(code: 220, lines: ["smtp.example.com ESMTP ready"])]),
        (
            ["250-smtp.example.com\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n"],
            [SMTPReply(code: 250, lines: ["smtp.example.com", "STARTTLS", "AUTH PLAIN LOGIN"])]
        ),
        (
            ["250-first\r", "\n25", "0 last\r\n354 go\r\n"],
            [SMTPReply(code: 250, lines: ["first", "last"]), SMTPReply(code: 354, lines: ["go"])]
        ),
        (["250\r\n"], [SMTPReply(code: 250, lines: [""])]),
        (["221 bye\n"], [SMTPReply(code: 221, lines: ["bye"])]),
        (["250-half"], []),
    ])
    func repliesAreParsedAcrossReadsAndLines(chunks: [String], expected: [SMTPReply]) throws {
        var parser = SMTPReplyParser()
        var replies: [SMTPReply] = []
        for chunk in chunks { replies += try parser.consume(ByteBuffer(string: chunk)) }
        #expect(replies == expected)
    }

    @Test(arguments: ["HTTP/1.1 400 Bad Request\r\n", "25 short\r\n", "250-a\r\n251 b\r\n", "250_x\r\n", "999 x\r\n"])
    func malformedRepliesAreProtocolViolations(input: String) {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPError.self) { _ = try parser.consume(ByteBuffer(string: input)) }
    }

    @Test func endlessReplyLineIsRefusedInsteadOfBuffered() {
        var parser = SMTPReplyParser()
        let input = ByteBuffer(string: "250 " + String(repeating: "x", count: SMTPReplyParser.maximumLineLength + 1))
        #expect(throws: SMTPError.self) { _ = try parser.consume(input) }
    }

    @Test(arguments: [
        ("a\r\nb\r\n", "a\r\nb\r\n.\r\n"),
        ("a\nb", "a\r\nb\r\n.\r\n"),
        ("a\rb\r\n", "a\r\nb\r\n.\r\n"),
        (".\r\n", "..\r\n.\r\n"),
        ("x\n.hidden\n..two\n", "x\r\n..hidden\r\n...two\r\n.\r\n"),
        ("", ".\r\n"),
        ("mid.dot\n", "mid.dot\r\n.\r\n"),
    ])
    func dataIsDotStuffedWithCRLFLineEnds(input: String, expected: String) {
        let encoded = SMTPDataEncoder.encode(Array(input.utf8))
        #expect(String(buffer: encoded) == expected)
    }

    @Test func ehloReplyAnnouncesExtensions() {
        let reply = SMTPReply(
            code: 250,
            lines: ["mx.example.com", "SIZE 1000", "8BITMIME", "STARTTLS", "AUTH=PLAIN", "AUTH LOGIN cram-md5"])
        let extensions = SMTPServerExtensions(ehloReply: reply)
        #expect(extensions.supportsStartTLS && extensions.supports8BitMIME)
        #expect(extensions.authenticationMechanisms == ["PLAIN", "LOGIN", "CRAM-MD5"])
        #expect(extensions.maximumMessageSize == 1000)
    }

    @Test(arguments: [
        (421, true), (450, true), (451, true), (452, true), (454, true),
        (500, false), (535, false), (550, false), (552, false), (554, false),
    ])
    func replyCodeDecidesWhetherARejectionIsRetryable(code: Int, retryable: Bool) {
        let error = SMTPError(kind: .rejected, command: "MAIL FROM:<a@b>", reply: SMTPReply(code: code, lines: ["x"]))
        #expect(error.isRetryable == retryable)
        let result = SMTPDeliveryResult(.failure(error))
        if case .retryable = result { #expect(retryable) } else { #expect(!retryable) }
    }

    @Test(arguments: [
        (SMTPError.Kind.connectionFailed, true), (.connectionClosed, true), (.timeout, true),
        (.tlsFailed, false), (.startTLSNotOffered, false), (.authenticationNotSupported, false),
        (.authenticationRequiresTLS, false), (.protocolViolation, false), (.invalidMessage, false),
        (.invalidConfiguration, false),
    ])
    func failuresWithoutReplyAreClassifiedByKind(kind: SMTPError.Kind, retryable: Bool) {
        #expect(SMTPError(kind: kind).isRetryable == retryable)
    }

    @Test func credentialsNeverPrintThePassword() {
        let credentials = SMTPCredentials(username: "agent", password: "hunter2")
        let configuration = SMTPConfiguration(host: "smtp.example.com", credentials: credentials)
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [
            "\(credentials)", String(reflecting: credentials), "\(configuration)", String(reflecting: configuration),
            dumped,
        ] {
            #expect(!text.contains("hunter2"))
        }
    }
}
