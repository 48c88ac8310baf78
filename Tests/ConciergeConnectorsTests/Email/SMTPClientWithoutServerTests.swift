import ConciergeConnectors
import Testing

@Suite("SMTPClient fails before any SMTP exchange")
struct SMTPClientWithoutServerTests {
    @Test func refusedConnectionIsRetryable() async throws {
        // given: a port where nothing listens
        let configuration = SMTPConfiguration(
            host: "127.0.0.1", port: try await SMTPTestServer.unusedPort(), security: .plaintext)

        // when
        let result = try await SMTPClient(configuration: configuration).deliver(.ticketUpdate())

        // then
        guard case .retryable(let error) = result else {
            Issue.record("expected retryable, got \(result)")
            return
        }
        #expect(error.kind == .connectionFailed)
    }

    @Test(arguments: [
        "b@example.com>\r\nRCPT TO:<evil@example.com", "b@example.com> NOTIFY=NEVER", "", "张三@example.com",
    ])
    func envelopeAddressThatCouldInjectACommandIsRefusedBeforeConnecting(recipient: String) async throws {
        // given: a port where nothing listens, so any connection attempt would fail differently
        let configuration = SMTPConfiguration(
            host: "127.0.0.1", port: try await SMTPTestServer.unusedPort(), security: .plaintext)
        let envelope = SMTPEnvelope(sender: "a@acme.example", recipients: [recipient])

        // when
        let client = try SMTPClient(configuration: configuration)
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(rawMessage: Array("Subject: x\r\n\r\nx\r\n".utf8), envelope: envelope)
        }

        // then
        #expect(error?.kind == .invalidMessage)
        #expect(error?.isRetryable == false)
    }

    @Test func unreadableCAFileIsAConfigurationError() {
        let configuration = SMTPConfiguration(
            host: "127.0.0.1", certificateTrust: .certificateAuthorityFile("/nonexistent/ca.pem"))
        #expect(throws: SMTPError.self) { try SMTPClient(configuration: configuration) }
    }
}
