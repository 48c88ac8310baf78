import ConciergeConnectors
import Foundation
import Testing

@Suite("SMTPClient classifies failures", .enabled(if: SMTPTestServer.toolsAreInstalled, "needs python3 and openssl"))
struct SMTPClientFailureTests {
    @Test func transientReplyToMailFromIsRetryableWithItsCodeAndText() async throws {
        try await SMTPTestServer.run(SMTPTestServer.submission) { server in
            // given
            var message = EmailMessage.ticketUpdate()
            message.from = EmailAddress("reply-451@acme.example")

            // when
            let result = try await server.client().deliver(message)

            // then
            guard case .retryable(let error) = result else {
                Issue.record("expected retryable, got \(result)")
                return
            }
            #expect(error.kind == .rejected)
            let size = try message.rfc5322Bytes().count
            #expect(error.command == "MAIL FROM:<reply-451@acme.example> SIZE=\(size)")
            #expect(error.reply == SMTPReply(code: 451, lines: ["4.7.1 scripted reply to MAIL FROM"]))
            #expect(try server.receivedMessages().isEmpty)
        }
    }

    @Test func permanentReplyToDataIsPermanent() async throws {
        try await SMTPTestServer.run(SMTPTestServer.submission) { server in
            // when
            let result = try await server.client().deliver(.ticketUpdate(to: [EmailAddress("data-554@example.com")]))

            // then
            guard case .permanent(let error) = result else {
                Issue.record("expected permanent, got \(result)")
                return
            }
            #expect(error.kind == .rejected)
            #expect(error.command == "end of data")
            #expect(error.reply?.code == 554)
        }
    }

    @Test func wrongPasswordIsPermanentAndTheErrorNeverShowsIt() async throws {
        try await SMTPTestServer.run(SMTPTestServer.submission) { server in
            // given
            let client = try server.client(
                credentials: SMTPCredentials(username: SMTPTestServer.username, password: "wrong-pw-42"))

            // when
            let result = await client.deliver(.ticketUpdate())

            // then
            guard case .permanent(let error) = result else {
                Issue.record("expected permanent, got \(result)")
                return
            }
            #expect(error.kind == .authenticationFailed)
            #expect(error.reply?.code == 535)
            #expect(error.command == "AUTH PLAIN")
            let logged = "\(result) \(error) \(String(reflecting: error)) \(client.configuration)"
            #expect(!logged.contains("wrong-pw-42"))
            #expect(
                !logged.contains(Data("\u{0}\(SMTPTestServer.username)\u{0}wrong-pw-42".utf8).base64EncodedString()))
        }
    }

    @Test func requiredStartTLSThatIsNotOfferedIsPermanent() async throws {
        try await SMTPTestServer.run { server in
            // when
            let result = try await server.client(security: .startTLS, credentials: nil).deliver(.ticketUpdate())

            // then
            guard case .permanent(let error) = result else {
                Issue.record("expected permanent, got \(result)")
                return
            }
            #expect(error.kind == .startTLSNotOffered)
            #expect(try server.receivedMessages().isEmpty)
        }
    }

    @Test func credentialsAreNotSentOverAnUnencryptedConnection() async throws {
        try await SMTPTestServer.run { server in
            // when
            let result = try await server.client(security: .opportunistic).deliver(.ticketUpdate())

            // then
            guard case .permanent(let error) = result else {
                Issue.record("expected permanent, got \(result)")
                return
            }
            #expect(error.kind == .authenticationRequiresTLS)
        }
    }

    @Test func recipientsAllRefusedForNowIsRetryableAndListsEachRefusal() async throws {
        try await SMTPTestServer.run(SMTPTestServer.submission) { server in
            // given
            let recipients = [EmailAddress("reply-450@example.com"), EmailAddress("reply-550@example.com")]

            // when
            let result = try await server.client().deliver(.ticketUpdate(to: recipients))

            // then
            guard case .retryable(let error) = result else {
                Issue.record("expected retryable, got \(result)")
                return
            }
            #expect(error.kind == .allRecipientsRefused)
            #expect(error.refusedRecipients.map(\.reply.code) == [450, 550])
            #expect(error.refusedRecipients.map(\.isRetryable) == [true, false])
            #expect(try server.receivedMessages().isEmpty)
        }
    }

    @Test func untrustedCertificateIsPermanent() async throws {
        try await SMTPTestServer.run(SMTPTestServer.submission) { server in
            // when: the self-signed certificate is checked against the system's trust store
            let result = try await server.client(certificateTrust: .systemDefault).deliver(.ticketUpdate())

            // then
            guard case .permanent(let error) = result else {
                Issue.record("expected permanent, got \(result)")
                return
            }
            #expect(error.kind == .tlsFailed)
            #expect(try server.receivedMessages().isEmpty)
        }
    }

    @Test func certificateForAnotherHostIsRejectedEvenWhenItsIssuerIsTrusted() async throws {
        try await SMTPTestServer.run(.init(tls: .starttls, presentsCertificateForAnotherHost: true)) { server in
            // when: the client trusts the server's certificate, which names mail.other.example
            let result = try await server.client(credentials: nil).deliver(.ticketUpdate())

            // then
            guard case .permanent(let error) = result else {
                Issue.record("expected permanent, got \(result)")
                return
            }
            #expect(error.kind == .tlsFailed)
            #expect(error.detail?.contains("failedToValidateHostname") == true)
        }
    }

    @Test func passwordNeverAppearsInTraceLogsWhateverTheMechanism() async throws {
        for mechanism in ["PLAIN", "LOGIN"] {
            var options = SMTPTestServer.submission
            options.authMechanisms = [mechanism]
            try await SMTPTestServer.run(options) { server in
                // given
                let log = RecordedLog()
                let password = SMTPTestServer.password
                let username = SMTPTestServer.username

                // when: one delivery that authenticates, one with a wrong password
                _ = try await server.client(logger: log.logger).send(.ticketUpdate())
                let wrong = SMTPCredentials(username: username, password: "wrong-pw-42")
                _ = try await server.client(credentials: wrong, logger: log.logger).deliver(.ticketUpdate())

                // then
                #expect(log.text.contains("AUTH \(mechanism)"))
                for secret in [password, "wrong-pw-42"] {
                    for form in [
                        secret, Data(secret.utf8).base64EncodedString(),
                        Data("\u{0}\(username)\u{0}\(secret)".utf8).base64EncodedString(),
                    ] {
                        #expect(!log.text.contains(form))
                    }
                }
            }
        }
    }

    @Test func unverifiedTLSIsPossibleForLocalTestServers() async throws {
        try await SMTPTestServer.run(SMTPTestServer.submission) { server in
            // when
            let report = try await server.client(certificateTrust: .noVerification).send(.ticketUpdate())

            // then
            #expect(report.wasEncrypted)
        }
    }

    @Test func serverThatNeverGreetsTimesOutAndIsRetryable() async throws {
        try await SMTPTestServer.run(.init(isSilent: true)) { server in
            // given
            var configuration = server.configuration(security: .plaintext, credentials: nil)
            configuration.commandTimeout = .milliseconds(300)

            // when
            let started = ContinuousClock.now
            let result = try await SMTPClient(configuration: configuration).deliver(.ticketUpdate())

            // then
            guard case .retryable(let error) = result else {
                Issue.record("expected retryable, got \(result)")
                return
            }
            #expect(error.kind == .timeout)
            // Well below the default command timeout (minutes), with room for a loaded machine.
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }
}
