import ConciergeConnectors
import Testing

@Suite(
    "InboundSMTPServer receives mail from the project's SMTPClient",
    .enabled(if: InboundSMTPTestServer.toolsAreInstalled, "needs openssl"),
    .timeLimit(.minutes(1)))
struct InboundSMTPClientInteropTests {
    private static func client(
        for server: InboundSMTPTestServer, security: SMTPConfiguration.Security = .plaintext
    ) throws -> SMTPClient {
        try SMTPClient(
            configuration: SMTPConfiguration(
                host: "127.0.0.1", port: server.port, security: security,
                certificateTrust: .certificateAuthorityFile(server.certificatePath),
                clientHostname: "relay.concierge-test.localhost", connectTimeout: .seconds(5),
                commandTimeout: .seconds(5), dataTimeout: .seconds(5)))
    }

    @Test("a rendered message arrives as rendered; the refused recipient is reported with 550")
    func renderedMessageWithRefusedRecipient() async throws {
        try await InboundSMTPTestServer.run { server in
            // given
            let message = EmailMessage.ticketUpdate(to: [
                EmailAddress("support@acme.example"), EmailAddress("nobody@acme.example"),
            ])
            let rendered = try message.rfc5322Bytes()

            // when
            let report = try await Self.client(for: server)
                .send(rawMessage: rendered, envelope: message.envelope, messageID: message.messageID)

            // then
            let deliveries = await server.deliveries()
            #expect(report.acceptedRecipients == ["support@acme.example"])
            #expect(report.refusedRecipients.map(\.reply.code) == [550])
            #expect(deliveries.map(\.rawMessage) == [rendered])
            #expect(deliveries.first?.envelope.helo == "relay.concierge-test.localhost")
        }
    }

    @Test("8-bit bytes and dot lines sent with BODY=8BITMIME over STARTTLS arrive byte for byte")
    func eightBitOverStartTLS() async throws {
        try await InboundSMTPTestServer.run { server in
            // given
            let raw: [UInt8] =
                Array("From: a@example.com\r\nSubject: 8bit\r\n\r\n".utf8) + [0xC4, 0xFA, 0xBA, 0xC3, 13, 10]
                + Array(".\r\n..\r\n.x\r\nend\r\n".utf8)
            let envelope = SMTPEnvelope(sender: "a@example.com", recipients: ["support@acme.example"])

            // when
            let report = try await Self.client(for: server, security: .startTLS)
                .send(rawMessage: raw, envelope: envelope)

            // then
            let deliveries = await server.deliveries()
            #expect(report.wasEncrypted)
            #expect(deliveries.map(\.rawMessage) == [raw])
            #expect(deliveries.first?.envelope.wasEncrypted == true)
        }
    }

    @Test("a message whose declared SIZE is over the limit is refused at MAIL FROM with 552")
    func declaredSizeOverLimit() async throws {
        try await InboundSMTPTestServer.run(.init(maximumMessageSize: 2_000)) { server in
            // given
            var message = EmailMessage.ticketUpdate(to: [EmailAddress("support@acme.example")])
            message.textBody = String(repeating: "很长的消息。", count: 500)

            // when
            let error = await #expect(throws: SMTPError.self) { _ = try await Self.client(for: server).send(message) }

            // then
            #expect(error?.reply?.code == 552)
            #expect(error?.command?.hasPrefix("MAIL FROM") == true)
            #expect(error?.isRetryable == false)
            #expect(await server.deliveries().isEmpty)
        }
    }
}
