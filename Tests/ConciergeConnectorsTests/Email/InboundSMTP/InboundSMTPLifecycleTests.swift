import ConciergeConnectors
import Testing

@Suite(
    "InboundSMTPServer connection limits and shutdown",
    .enabled(if: InboundSMTPTestServer.toolsAreInstalled, "needs openssl"),
    .timeLimit(.minutes(1)))
struct InboundSMTPLifecycleTests {
    @Test("a silent client is told 421 after the idle timeout and disconnected")
    func idleTimeout() async throws {
        try await InboundSMTPTestServer.run(.init(idleTimeout: .milliseconds(300))) { server in
            try await RawSMTPTestClient.connect(port: server.port) { client in
                // given
                let started = ContinuousClock.now
                _ = try await client.readReply()

                // when
                let notice = try await client.readReply()

                // then
                #expect(notice?.code == 421)
                #expect(try await client.readReply() == nil)
                // well under the suite's default of 20 s (with room for a busy machine)
                #expect(ContinuousClock.now - started < .seconds(15))
            }
        }
    }

    @Test("the idle timer does not run while a slow handler stores the message")
    func slowHandlerIsNotAnIdleClient() async throws {
        try await InboundSMTPTestServer.run(.init(idleTimeout: .milliseconds(1500))) { server in
            // given
            await server.inbox.slowDown(by: .seconds(3))
            try await RawSMTPTestClient.connect(port: server.port) { client in
                // when
                _ = try await client.readReply()
                try await client.send(
                    "EHLO c.example\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<support@acme.example>\r\n")
                try await client.send("DATA\r\nSubject: slow\r\n\r\n.\r\n")
                let codes = try await client.readCodes(5)

                // then
                #expect(codes == [250, 250, 250, 354, 250])
            }
            #expect(await server.deliveries().count == 1)
        }
    }

    @Test("a connection over the limit is told 421 and closed; the first one goes on")
    func connectionLimit() async throws {
        try await InboundSMTPTestServer.run(.init(maximumConnections: 1)) { server in
            try await RawSMTPTestClient.connect(port: server.port) { first in
                // given
                #expect(try await first.readReply()?.code == 220)

                // when
                try await RawSMTPTestClient.connect(port: server.port) { second in
                    let notice = try await second.readReply()
                    let afterNotice = try await second.readReply()

                    // then
                    #expect(notice?.code == 421)
                    #expect(afterNotice == nil)
                }
                try await first.send("NOOP\r\n")
                #expect(try await first.readReply()?.code == 250)
            }
        }
    }

    @Test("shutdown lets a message being stored be acknowledged, then says 421 to every session")
    func gracefulShutdown() async throws {
        try await InboundSMTPTestServer.run { server in
            // given
            await server.inbox.slowDown(by: .milliseconds(500))
            var deliveryStarts = await server.inbox.deliveryStarts().makeAsyncIterator()
            try await RawSMTPTestClient.connect(port: server.port) { idle in
                _ = try await idle.readReply()
                try await RawSMTPTestClient.connect(port: server.port) { busy in
                    _ = try await busy.readReply()
                    try await busy.send(
                        "EHLO c.example\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<support@acme.example>\r\n")
                    try await busy.send("DATA\r\nSubject: last\r\n\r\nstored before we stop\r\n.\r\n")
                    _ = await deliveryStarts.next()

                    // when
                    await server.server.shutdown(gracePeriod: .seconds(5))

                    // then
                    let codes = try await busy.readCodes(6)
                    let afterLast = try await busy.readReply()
                    #expect(codes == [250, 250, 250, 354, 250, 421])
                    #expect(afterLast == nil)
                }
                let notice = try await idle.readReply()
                let afterNotice = try await idle.readReply()
                #expect(notice?.code == 421)
                #expect(afterNotice == nil)
            }
            #expect(
                await server.deliveries().map(\.rawMessage) == [
                    Array("Subject: last\r\n\r\nstored before we stop\r\n".utf8)
                ])
            await #expect(throws: (any Error).self) {
                try await RawSMTPTestClient.connect(port: server.port) { _ in }
            }
        }
    }
}
