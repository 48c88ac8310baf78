import NIOCore
import Testing

@testable import ConciergeConnectors

@Suite("Inbound SMTP pieces")
struct InboundSMTPPiecesTests {
    @Test("lines are split at LF across reads, keeping CRLF or bare LF as sent")
    func linesAcrossReads() {
        // given
        var reader = InboundSMTPLineReader()
        var lines: [InboundSMTPLineReader.Line] = []

        // when
        for chunk in ["EH", "LO a\r", "\nNOOP\nQU", "IT\r\n", "RSET"] {
            reader.append(ByteBuffer(string: chunk))
            while let line = reader.nextLine(maximumLength: 100) { lines.append(line) }
        }

        // then
        #expect(
            lines == [
                .complete(Array("EHLO a\r\n".utf8)), .complete(Array("NOOP\n".utf8)), .complete(Array("QUIT\r\n".utf8)),
            ])
        #expect(reader.hasBufferedInput)
    }

    @Test("an over-long line is reported once and skipped to its end, in one read or many")
    func overLongLines() {
        // given
        var reader = InboundSMTPLineReader()
        var lines: [InboundSMTPLineReader.Line] = []

        // when
        for chunk in [
            String(repeating: "a", count: 15), String(repeating: "b", count: 15) + "\r\nok\r\n", "0123456789ABCDEF\r\n",
        ] {
            reader.append(ByteBuffer(string: chunk))
            while let line = reader.nextLine(maximumLength: 10) { lines.append(line) }
        }

        // then
        #expect(lines == [.tooLong, .complete(Array("ok\r\n".utf8)), .tooLong])
        #expect(!reader.hasBufferedInput)
    }

    @Test(arguments: [
        ("ehlo mail.example.com", InboundSMTPCommand.ehlo("mail.example.com")),
        ("MAIL FROM:<a@example.com> SIZE=120 BODY=8BITMIME", .mail(from: "a@example.com", declaredSize: 120)),
        ("mail from: <>", .mail(from: "", declaredSize: nil)),
        ("RCPT TO:<@hop.example,@b.example:z@example.com>", .recipient("z@example.com")),
        ("RCPT TO:<Postmaster>", .recipient("Postmaster")),
        ("DATA", .data), ("rset", .reset), ("NOOP anything", .noop), ("VRFY x", .verify),
        ("AUTH PLAIN", .declined("AUTH")),
        ("XYZZY", .unrecognized), ("", .unrecognized),
    ])
    func commandsParse(line: String, expected: InboundSMTPCommand) {
        #expect(InboundSMTPCommand(line: line) == expected)
    }

    @Test(arguments: [
        ("MAIL FROM:a@example.com", 501), ("MAIL FROM:<a b@example.com>", 553),
        ("MAIL FROM:<a@example.com> SIZE=x", 501),
        ("RCPT TO:<a@example.com> NOTIFY=NEVER", 555), ("RCPT TO:<>", 501), ("DATA now", 501), ("EHLO", 501),
    ])
    func invalidCommands(line: String, code: Int) {
        guard case .invalid(let reply) = InboundSMTPCommand(line: line) else {
            Issue.record("\(line) parsed as valid")
            return
        }
        #expect(reply.code == code)
    }

    @Test("a reply of several lines continues with a dash and ends with a space")
    func multiLineReply() {
        let reply = InboundSMTPReply(250, lines: ["mx greets c", "PIPELINING", "8BITMIME"])
        #expect(String(buffer: reply.buffer) == "250-mx greets c\r\n250-PIPELINING\r\n250 8BITMIME\r\n")
    }
}
