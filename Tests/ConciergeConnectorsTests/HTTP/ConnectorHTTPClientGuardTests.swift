import ConciergeConnectors
import ConciergePeerTestSupport
import Testing

/// The SSRF guard as a tenant would attack it: every URL here points at the test server on
/// loopback, and the server proves that the blocked ones never reached it.
@Suite(
    "ConnectorHTTPClient refuses blocked destinations before connecting",
    .enabled(if: HTTPTestServer.toolsAreInstalled, "needs python3 and openssl"), .serialized)
struct ConnectorHTTPClientGuardTests {
    /// Loopback written the ways a URL can write it, and the host the refusal names.
    @Test(arguments: [
        ("127.0.0.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"), ("0x7f.1", "127.0.0.1"), ("0x7F000001", "127.0.0.1"), ("017700000001", "127.0.0.1"),
        ("127.0.0.1.", "127.0.0.1"), ("127.000.000.001", "127.0.0.1"), ("[::1]", "[::1]"),
        ("[0:0:0:0:0:0:0:1]", "[::1]"), ("[::ffff:127.0.0.1]", "[::ffff:127.0.0.1]"),
        ("[::ffff:7f00:1]", "[::ffff:127.0.0.1]"), ("[2002:7f00:1::]", "[2002:7f00:1::]"), ("0", "0.0.0.0"),
        ("0.0.0.0", "0.0.0.0"), ("[::]", "[::]"), ("LOCALHOST", "localhost"), ("localhost.", "localhost"),
    ])
    func loopbackInAnyDisguiseIsRefusedWithoutAConnection(host: String, refusedHost: String) async throws {
        try await HTTPTestServer.run { server in
            // given: the strict shared policy without any allowance
            let client = try ConnectorHTTPClient()
            let request = ConnectorHTTPRequest(
                url: "http://\(host):\(server.port)/echo?key=s3cret", timeout: .seconds(5))

            // when
            let error = await #expect(throws: ConnectorHTTPError.self) { try await client.send(request) }

            // then
            guard case .blockedDestination(let blockedHost, let reason) = error else {
                Issue.record("expected blockedDestination, got \(String(describing: error))")
                return
            }
            #expect(blockedHost == refusedHost)
            #expect(!reason.isEmpty)
            #expect(error?.isRetryable == false)
            #expect(!(error?.description.contains("s3cret") ?? true))
            #expect(server.connectionCount() == 0)
        }
    }

    @Test func allowListedLoopbackIsReachable() async throws {
        try await HTTPTestServer.run { server in
            // when
            let response = try await server.client(allowing: ["127.0.0.0/8"]).send(
                ConnectorHTTPRequest(method: "GET", url: "http://2130706433:\(server.port)/echo"))

            // then: the odd form was normalised, also in the Host header
            #expect(try EchoedRequest(response).values(of: "Host") == ["127.0.0.1:\(server.port)"])
        }
    }

    @Test func selfHostedModeReachesLoopbackWithoutAllowList() async throws {
        try await HTTPTestServer.run { server in
            // given
            let client = try ConnectorHTTPClient(
                configuration: ConnectorHTTPClientConfiguration(addressPolicy: OutboundAddressPolicy(mode: .selfHosted))
            )

            // when
            let response = try await client.send(ConnectorHTTPRequest(method: "GET", url: server.url("/echo")))

            // then
            #expect(response.status == 200)
        }
    }

    @Test func portOutsideTheAllowedOnesIsRefusedWithoutAConnection() async throws {
        try await HTTPTestServer.run { server in
            // given
            let policy = OutboundAddressPolicy(
                allowList: [try #require(IPAddressRange("127.0.0.1/32"))], allowedPorts: [443])
            let client = try ConnectorHTTPClient(configuration: ConnectorHTTPClientConfiguration(addressPolicy: policy))

            // when
            let error = await #expect(throws: ConnectorHTTPError.self) {
                try await client.send(ConnectorHTTPRequest(url: server.url("/echo")))
            }

            // then
            #expect(
                error
                    == .blockedDestination(
                        host: "127.0.0.1", reason: "port \(server.port) is not allowed (allowed: 443)"))
            #expect(server.connectionCount() == 0)
        }
    }

    @Test func refusedConnectionIsRetryable() async throws {
        // given: a port where nothing listens
        let port = try await TestServerProcess.unusedPort()
        let client = try ConnectorHTTPClient(
            configuration: ConnectorHTTPClientConfiguration(
                addressPolicy: OutboundAddressPolicy(allowList: [try #require(IPAddressRange("127.0.0.1/32"))])))

        // when
        let error = await #expect(throws: ConnectorHTTPError.self) {
            try await client.send(ConnectorHTTPRequest(url: "http://127.0.0.1:\(port)/hook"))
        }

        // then
        guard case .connectionFailed = error else {
            Issue.record("expected connectionFailed, got \(String(describing: error))")
            return
        }
        #expect(error?.isRetryable == true)
    }

    @Test func unresolvableNameIsARetryableResolutionFailure() async throws {
        // when
        let client = try ConnectorHTTPClient()
        let error = await #expect(throws: ConnectorHTTPError.self) {
            try await client.send(ConnectorHTTPRequest(url: "https://nonexistent.invalid/hook", timeout: .seconds(20)))
        }

        // then
        #expect(error == .nameResolutionFailed(host: "nonexistent.invalid"))
        #expect(error?.isRetryable == true)
    }

    @Test func slowServerTimesOutAtTheRequestsTimeout() async throws {
        try await HTTPTestServer.run { server in
            // given
            let client = try server.client()
            let started = ContinuousClock.now

            // when
            let error = await #expect(throws: ConnectorHTTPError.self) {
                try await client.send(
                    ConnectorHTTPRequest(method: "GET", url: server.url("/sleep/5000"), timeout: .milliseconds(400)))
            }

            // then
            #expect(error == .timedOut)
            #expect(error?.isRetryable == true)
            #expect(ContinuousClock.now - started < .seconds(3))
        }
    }
}
