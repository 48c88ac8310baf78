import ConciergeConnectors
import ConciergePeerTestSupport
import Testing

// Serialized: one Dovecot at a time per suite keeps the load on a 2-core machine bearable for
// the timing-sensitive tests that run alongside.
@Suite(
    "IMAPClient logs in securely to Dovecot", .enabled(if: DovecotTestServer.isAvailable, "needs dovecot, root"),
    .serialized,
    .timeLimit(.minutes(2)))
struct IMAPClientSecurityTests {
    @Test("implicit TLS and STARTTLS work with the test certificate trusted, and nothing logs the password")
    func tlsAndStartTLSWithTrustedCertificate() async throws {
        try await DovecotTestServer.run { server in
            // given
            try server.deliver(TestMail.plain("H-1"))
            let log = RecordedLog()

            // when
            let overTLS = try await server.client(security: .tls, logger: log.logger)
                .fetchNew(sinceUID: nil, uidValidity: nil, limit: 10)
            let overStartTLS = try await server.client(security: .startTLS, logger: log.logger)
                .fetchNew(sinceUID: nil, uidValidity: nil, limit: 10)

            // then
            #expect(overTLS.messages.map(\.rawBytes) == [TestMail.plain("H-1")])
            #expect(overStartTLS.messages == overTLS.messages)
            #expect(log.text.contains("STARTTLS"))
            #expect(!log.text.contains(DovecotTestServer.password))
            #expect(!log.text.contains("Where is my order"))
        }
    }

    @Test(
        "an untrusted certificate is refused, over implicit TLS and over STARTTLS",
        arguments: [
            IMAPConfiguration.Security.tls, .startTLS,
        ])
    func untrustedCertificateIsRefused(security: IMAPConfiguration.Security) async throws {
        try await DovecotTestServer.run { server in
            // when
            let error = await #expect(throws: IMAPError.self) {
                _ = try await server.client(security: security, certificateTrust: .systemDefault)
                    .fetchNew(sinceUID: nil, uidValidity: nil, limit: 10)
            }

            // then
            #expect(error?.kind == .tlsFailed, "\(String(describing: error))")
            #expect(error?.isRetryable == false)
        }
    }

    @Test("a wrong password is an authentication error that never shows the password")
    func wrongPassword() async throws {
        try await DovecotTestServer.run { server in
            // when
            let error = await #expect(throws: IMAPError.self) {
                _ = try await server.client(password: "wrong-pw-42").fetchNew(sinceUID: nil, uidValidity: nil, limit: 1)
            }

            // then
            #expect(error?.kind == .authenticationFailed)
            #expect(error?.command?.hasPrefix("LOGIN") == true)
            #expect(error.map { "\($0)".contains("wrong-pw-42") } == false)
        }
    }

    @Test("without LITERAL+ the non-ASCII password waits for the server's continuation, and logs in")
    func synchronizingLiteralPassword() async throws {
        try await DovecotTestServer.run(advertisingLiteralPlus: false) { server in
            // given
            try server.deliver(TestMail.plain("I-1"))

            // when
            let batch = try await server.client(security: .plain).fetchNew(sinceUID: nil, uidValidity: nil, limit: 1)

            // then
            #expect(batch.messages.map(\.rawBytes) == [TestMail.plain("I-1")])
        }
    }

    @Test("a mailbox that does not exist is reported as such")
    func missingMailbox() async throws {
        try await DovecotTestServer.run { server in
            // when
            let error = await #expect(throws: IMAPError.self) {
                _ = try await server.client(mailbox: "Archive/Nope").fetchNew(sinceUID: nil, uidValidity: nil, limit: 1)
            }

            // then
            #expect(error?.kind == .mailboxNotFound)
            #expect(error?.serverText?.hasPrefix("NO") == true)
        }
    }
}
