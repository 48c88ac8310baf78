import ConciergeConnectors
import ConciergePeerTestSupport
import Foundation
import Testing

@Suite(
    "InboundSMTPServer receives mail from swaks",
    .enabled(if: Swaks.isInstalled && InboundSMTPTestServer.toolsAreInstalled, "needs swaks and openssl"),
    .timeLimit(.minutes(1)))
struct InboundSMTPSwaksTests {
    /// A Chinese message in GBK with lines that need dot-stuffing, a bare LF and CRLF line ends.
    static let message: [UInt8] =
        Array("From: Zhang San <zhang@example.com>\r\nTo: support@acme.example\r\nSubject: GBK\r\n".utf8)
        + Array("Content-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".utf8)
        + [0xC4, 0xFA, 0xBA, 0xC3, 0xA3, 0xAC, 0xCE, 0xD2, 0xB5, 0xC4, 0xB6, 0xA9, 0xB5, 0xA5, 0x0D, 0x0A]
        + Array(".leading dot\r\n..two dots\r\n.\r\nbare\n.\r\n\r\nlast line\r\n".utf8)

    /// `bytes` as they go on the wire after DATA: every line that starts with a dot gets one more.
    static func dotStuffed(_ bytes: [UInt8]) -> [UInt8] {
        var stuffed: [UInt8] = []
        var atLineStart = true
        for byte in bytes {
            if atLineStart, byte == UInt8(ascii: ".") { stuffed.append(byte) }
            stuffed.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        return stuffed
    }

    @Test("dot-stuffed lines, CRLF and 8-bit bytes arrive byte for byte, with the envelope")
    func messageArrivesIntact() async throws {
        try await InboundSMTPTestServer.run { server in
            // given: the raw wire form, so that swaks changes nothing (it adds the final CRLF)
            let data = try server.file(Self.dotStuffed(Self.message) + Array(".".utf8))

            // when
            let run = try await Swaks.send(
                port: server.port,
                [
                    "--from", "zhang@example.com", "--to", "support@acme.example", "--helo", "client.example",
                    "--no-data-fixup", "--data", "@\(data)",
                ])

            // then
            let deliveries = await server.deliveries()
            #expect(run.status == 0, "\(run.transcript)")
            #expect(deliveries.map(\.rawMessage) == [Self.message])
            #expect(
                deliveries.first?.envelope
                    == InboundSMTPEnvelope(
                        mailFrom: "zhang@example.com", recipients: ["support@acme.example"],
                        remoteAddress: "127.0.0.1", helo: "client.example", wasEncrypted: false))
        }
    }

    @Test("a refused recipient gets 550 and the others still receive the message")
    func refusedRecipientDoesNotStopTheOthers() async throws {
        try await InboundSMTPTestServer.run { server in
            // given
            let recipients = "support@acme.example,nobody@acme.example,sales@acme.example"
            let data = try server.file(Array("Subject: three\r\n\r\nhello".utf8))

            // when
            let run = try await Swaks.send(
                port: server.port, ["--from", "a@example.com", "--to", recipients, "--data", "@\(data)"])

            // then
            let deliveries = await server.deliveries()
            #expect(run.replyCodes.contains(550), "\(run.transcript)")
            #expect(deliveries.map(\.envelope.recipients) == [["support@acme.example", "sales@acme.example"]])
            #expect(deliveries.first?.rawMessage == Array("Subject: three\r\n\r\nhello\r\n".utf8))
        }
    }

    @Test("a message over the size limit is refused with 552 and not stored")
    func oversizedMessageIsRefused() async throws {
        try await InboundSMTPTestServer.run(.init(maximumMessageSize: 10_000)) { server in
            // given
            let data = try server.file(
                Array("Subject: big\r\n\r\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 20_000))

            // when
            let run = try await Swaks.send(
                port: server.port, ["--from", "a@example.com", "--to", "support@acme.example", "--data", "@\(data)"])

            // then
            #expect(run.replyCodes.contains(552), "\(run.transcript)")
            #expect(run.status != 0)
            #expect(await server.deliveries().isEmpty)
        }
    }

    @Test("when the handler throws the sender gets 451, and its retry is stored: nothing is lost")
    func failingHandlerGets451AndRetrySucceeds() async throws {
        try await InboundSMTPTestServer.run { server in
            // given
            await server.inbox.failNext(1)
            let data = try server.file(Array("Subject: retry\r\n\r\nplease keep me".utf8))
            let arguments = ["--from", "a@example.com", "--to", "support@acme.example", "--data", "@\(data)"]

            // when
            let first = try await Swaks.send(port: server.port, arguments)
            let storedAfterFirst = await server.deliveries().count
            let retry = try await Swaks.send(port: server.port, arguments)

            // then
            #expect(first.replyCodes.contains(451), "\(first.transcript)")
            #expect(storedAfterFirst == 0)
            #expect(retry.status == 0, "\(retry.transcript)")
            #expect(
                await server.deliveries().map(\.rawMessage) == [Array("Subject: retry\r\n\r\nplease keep me\r\n".utf8)])
        }
    }

    @Test("pipelined commands are answered in order")
    func pipelining() async throws {
        try await InboundSMTPTestServer.run { server in
            // when
            let run = try await Swaks.send(
                port: server.port,
                [
                    "--pipeline", "--from", "a@example.com", "--to", "support@acme.example,nobody@acme.example",
                    "--data", "Subject: piped\\n\\nbody",
                ])

            // then
            #expect(run.transcript.contains("PIPELINING"))
            #expect(await server.deliveries().map(\.envelope.recipients) == [["support@acme.example"]])
        }
    }

    @Test(
        "STARTTLS with the server's certificate encrypts the transaction",
        .enabled(if: Swaks.supportsTLS, "swaks needs libnet-ssleay-perl for TLS"))
    func startTLS() async throws {
        try await InboundSMTPTestServer.run { server in
            // when
            let run = try await Swaks.send(
                port: server.port,
                [
                    "--tls", "--from", "a@example.com", "--to", "support@acme.example", "--data",
                    "Subject: tls\\n\\nsecret",
                ])

            // then
            let deliveries = await server.deliveries()
            #expect(run.status == 0, "\(run.transcript)")
            #expect(deliveries.first?.envelope.wasEncrypted == true)
            #expect(deliveries.first?.rawMessage == Array("Subject: tls\r\n\r\nsecret\r\n".utf8))
        }
    }
}
