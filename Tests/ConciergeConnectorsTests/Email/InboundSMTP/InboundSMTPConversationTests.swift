import ConciergeConnectors
import Testing

@Suite(
    "InboundSMTPServer conversations byte by byte",
    .enabled(if: InboundSMTPTestServer.toolsAreInstalled, "needs openssl"),
    .timeLimit(.minutes(1)))
struct InboundSMTPConversationTests {
    @Test("commands pipelined in one write are answered in order, and EHLO announces PIPELINING")
    func pipelinedCommandsInOneWrite() async throws {
        try await InboundSMTPTestServer.run { server in
            try await RawSMTPTestClient.connect(port: server.port) { client in
                // when
                let greeting = try await client.readReply()
                try await client.send(
                    "EHLO c.example\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<support@acme.example>\r\n"
                        + "RCPT TO:<nobody@acme.example>\r\nDATA\r\n")
                let ehlo = try await client.readReply()
                let codes = try await client.readCodes(4)
                try await client.send("Subject: p\r\n\r\nhi\r\n.\r\nQUIT\r\n")
                let end = try await client.readCodes(2)

                // then
                #expect(greeting?.code == 220)
                #expect(ehlo?.lines.contains("PIPELINING") == true && ehlo?.lines.contains("8BITMIME") == true)
                #expect(ehlo?.lines.contains("SIZE 26214400") == true && ehlo?.lines.contains("STARTTLS") == true)
                #expect(codes == [250, 250, 550, 354])
                #expect(end == [250, 221])
                #expect(try await client.readReply() == nil)
            }
            #expect(await server.deliveries().map(\.rawMessage) == [Array("Subject: p\r\n\r\nhi\r\n".utf8)])
        }
    }

    @Test("several messages on one connection, with RSET dropping a transaction in between")
    func severalMessagesWithReset() async throws {
        try await InboundSMTPTestServer.run { server in
            try await RawSMTPTestClient.connect(port: server.port) { client in
                // when
                _ = try await client.readReply()
                try await client.send(
                    "HELO c.example\r\nMAIL FROM:<x@example.com>\r\nRCPT TO:<dropped@acme.example>\r\n")
                try await client.send("RSET\r\n")
                for index in 1...2 {
                    try await client.send("MAIL FROM:<a\(index)@example.com>\r\nRCPT TO:<r\(index)@acme.example>\r\n")
                    try await client.send("DATA\r\nSubject: \(index)\r\n\r\nbody \(index)\r\n.\r\n")
                }
                let codes = try await client.readCodes(12)

                // then
                #expect(codes == [250, 250, 250, 250, 250, 250, 354, 250, 250, 250, 354, 250])
            }
            let deliveries = await server.deliveries()
            #expect(deliveries.map(\.envelope.mailFrom) == ["a1@example.com", "a2@example.com"])
            #expect(deliveries.map(\.envelope.recipients) == [["r1@acme.example"], ["r2@acme.example"]])
            #expect(deliveries.map(\.rawMessage) == [1, 2].map { Array("Subject: \($0)\r\n\r\nbody \($0)\r\n".utf8) })
        }
    }

    @Test("a command line over the limit gets 500 and the session goes on")
    func commandTooLong() async throws {
        try await InboundSMTPTestServer.run { server in
            try await RawSMTPTestClient.connect(port: server.port) { client in
                // when
                _ = try await client.readReply()
                try await client.send("NOOP " + String(repeating: "x", count: 3000))
                try await client.send(String(repeating: "y", count: 3000) + "\r\nNOOP\r\n")
                let codes = try await client.readCodes(2)

                // then
                #expect(codes == [500, 250])
            }
        }
    }

    @Test("VRFY, unknown and unimplemented commands, bad order, bad syntax and recipient limits")
    func repliesToOddCommands() async throws {
        try await InboundSMTPTestServer.run(.init(maximumRecipients: 2)) { server in
            try await RawSMTPTestClient.connect(port: server.port) { client in
                // when
                _ = try await client.readReply()
                let commands = [
                    "MAIL FROM:<a@example.com>", "HELO", "EHLO c.example", "VRFY postmaster", "EXPN staff", "FOO bar",
                    "RCPT TO:<support@acme.example>", "DATA", "MAIL FROM:<no-at-sign>", "MAIL FROM:<a@example.com> X=1",
                    "MAIL FROM:<a@example.com> SIZE=99999999", "MAIL FROM:<>", "MAIL FROM:<a@example.com>",
                    "DATA", "RCPT TO:<one@acme.example>", "RCPT TO:<@relay.example:two@acme.example>",
                    "RCPT TO:<three@acme.example>", "STARTTLS now", "NOOP",
                ]
                try await client.send(commands.map { $0 + "\r\n" }.joined())
                let codes = try await client.readCodes(commands.count)

                // then
                #expect(
                    codes == [
                        503, 501, 250, 252, 502, 500, 503, 503, 553, 555, 552, 250, 503, 554, 250, 250, 452, 501, 250,
                    ])
            }
        }
    }

    @Test("LF.CRLF does not end the message, so nothing can be smuggled after it")
    func smugglingAttemptStaysInsideTheMessage() async throws {
        try await InboundSMTPTestServer.run { server in
            try await RawSMTPTestClient.connect(port: server.port) { client in
                // when
                _ = try await client.readReply()
                try await client.send(
                    "EHLO c.example\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<support@acme.example>\r\n")
                try await client.send(
                    "DATA\r\nSubject: s\r\n\r\nline\n.\r\nMAIL FROM:<evil@example.com>\r\n.\n\r\n.\r\n")
                let codes = try await client.readCodes(5)

                // then
                #expect(codes == [250, 250, 250, 354, 250])
            }
            let deliveries = await server.deliveries()
            #expect(
                deliveries.map(\.rawMessage) == [
                    Array("Subject: s\r\n\r\nline\n\r\nMAIL FROM:<evil@example.com>\r\n\n\r\n".utf8)
                ])
        }
    }

    @Test("plaintext pipelined after STARTTLS ends the session instead of being trusted")
    func commandsPipelinedAfterStartTLS() async throws {
        try await InboundSMTPTestServer.run { server in
            try await RawSMTPTestClient.connect(port: server.port) { client in
                // when
                _ = try await client.readReply()
                try await client.send("EHLO c.example\r\nSTARTTLS\r\nMAIL FROM:<a@example.com>\r\n")
                let codes = try await client.readCodes(3)

                // then
                #expect(codes == [250, 554])
            }
        }
    }
}
