import ConciergeConnectors
import Testing

@Suite(
    "ConnectorHTTPClient verifies TLS",
    .enabled(if: HTTPTestServer.toolsAreInstalled, "needs python3 and openssl"), .serialized)
struct ConnectorHTTPClientTLSTests {
    /// `localhost` may resolve to both loopback addresses; every one of them must be allowed.
    static let loopback = ["127.0.0.1/32", "::1/128"]

    @Test func nameIsSentAsSNIAndHostWhileTheCheckedAddressIsConnected() async throws {
        try await HTTPTestServer.run(.tls) { server in
            // when
            let response = try await server.client(allowing: Self.loopback).send(
                ConnectorHTTPRequest(url: server.url("/echo", host: "localhost"), body: Array("hi".utf8)))

            // then
            let echo = try EchoedRequest(response)
            #expect(echo.sni == "localhost")
            #expect(echo.values(of: "Host") == ["localhost:\(server.port)"])
            #expect(echo.body == "hi")
        }
    }

    @Test func ipAddressIsVerifiedAgainstTheCertificatesAddressWithoutSNI() async throws {
        try await HTTPTestServer.run(.tls) { server in
            // when
            let response = try await server.client().send(ConnectorHTTPRequest(method: "GET", url: server.url("/echo")))

            // then
            #expect(try EchoedRequest(response).sni == nil)
        }
    }

    @Test func certificateForAnotherHostIsAPermanentTLSFailure() async throws {
        try await HTTPTestServer.run(.tlsForAnotherHost) { server in
            // when
            let client = try server.client(allowing: Self.loopback)
            let error = await #expect(throws: ConnectorHTTPError.self) {
                try await client.send(ConnectorHTTPRequest(url: server.url("/echo", host: "localhost")))
            }

            // then
            guard case .tlsFailure = error else {
                Issue.record("expected tlsFailure, got \(String(describing: error))")
                return
            }
            #expect(error?.isRetryable == false)
            #expect(server.requestLines().isEmpty)
        }
    }

    @Test func certificateFromAnUnknownCAIsRefusedWithTheSystemTrustStore() async throws {
        try await HTTPTestServer.run(.tls) { server in
            // given: the system's trust store, which does not know the test CA
            let policy = OutboundAddressPolicy(allowList: Self.loopback.compactMap(IPAddressRange.init))
            let client = try ConnectorHTTPClient(configuration: ConnectorHTTPClientConfiguration(addressPolicy: policy))

            // when
            let error = await #expect(throws: ConnectorHTTPError.self) {
                try await client.send(ConnectorHTTPRequest(url: server.url("/echo", host: "localhost")))
            }

            // then
            guard case .tlsFailure = error else {
                Issue.record("expected tlsFailure, got \(String(describing: error))")
                return
            }
            #expect(server.requestLines().isEmpty)
        }
    }

    @Test func redirectFromHTTPSToHTTPIsRefused() async throws {
        try await HTTPTestServer.run(.tls) { secure in
            try await HTTPTestServer.run { plain in
                // given
                let target = queryEncoded(plain.url("/echo"))

                // when
                let client = try secure.client()
                let error = await #expect(throws: ConnectorHTTPError.self) {
                    try await client.send(ConnectorHTTPRequest(url: secure.url("/redirect?to=\(target)")))
                }

                // then
                guard case .blockedDestination(let host, let reason) = error else {
                    Issue.record("expected blockedDestination, got \(String(describing: error))")
                    return
                }
                #expect(host == "127.0.0.1")
                #expect(reason.contains("https to http"))
                #expect(plain.connectionCount() == 0)
            }
        }
    }

    @Test func unreadableCAFileIsRefusedWhenTheClientIsMade() {
        let configuration = ConnectorHTTPClientConfiguration(
            certificateTrust: .certificateAuthorityFile("/nonexistent/ca.pem"))
        #expect(throws: ConnectorHTTPError.self) { try ConnectorHTTPClient(configuration: configuration) }
    }
}
