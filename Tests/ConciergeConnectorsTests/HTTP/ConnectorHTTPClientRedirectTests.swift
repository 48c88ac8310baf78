import ConciergeConnectors
import Testing

@Suite(
    "ConnectorHTTPClient follows redirects safely",
    .enabled(if: HTTPTestServer.toolsAreInstalled, "needs python3 and openssl"), .serialized)
struct ConnectorHTTPClientRedirectTests {
    static let credentials = [
        ConnectorHTTPHeader("Authorization", "Bearer t0ken"), ConnectorHTTPHeader("X-Api-Key", "k3y"),
        ConnectorHTTPHeader("Cookie", "session=1"), ConnectorHTTPHeader("X-Trace", "t-1"),
        ConnectorHTTPHeader("Content-Type", "application/json"),
    ]

    @Test(arguments: ["/echo?q=1", "echo?q=1", "./echo?q=1", "../echo?q=1", "/a/../echo?q=1#frag"])
    func relativeLocationIsResolvedAgainstTheRequest(location: String) async throws {
        try await HTTPTestServer.run { server in
            // when
            let response = try await server.client().send(
                ConnectorHTTPRequest(method: "GET", url: server.url("/redirect?to=\(queryEncoded(location))")))

            // then
            #expect(try EchoedRequest(response).target == "/echo?q=1")
        }
    }

    @Test(arguments: [301, 302, 303])
    func seeOtherAndMovedTurnPostIntoGetWithoutBody(status: Int) async throws {
        try await HTTPTestServer.run { server in
            // when
            let request = ConnectorHTTPRequest(
                url: server.url("/redirect?status=\(status)&to=%2Fecho"), headers: Self.credentials,
                body: Array(#"{"a":1}"#.utf8))
            let echo = try EchoedRequest(try await server.client().send(request))

            // then: same origin, so credentials stay; the body and its headers go
            #expect(echo.method == "GET")
            #expect(echo.body == "")
            #expect(echo.values(of: "Content-Length").isEmpty)
            #expect(echo.values(of: "Content-Type").isEmpty)
            #expect(echo.values(of: "Authorization") == ["Bearer t0ken"])
            #expect(server.requestLines().first?.hasPrefix("POST /redirect") == true)
        }
    }

    @Test(arguments: [307, 308])
    func temporaryAndPermanentRedirectKeepMethodAndBody(status: Int) async throws {
        try await HTTPTestServer.run { server in
            // when
            let request = ConnectorHTTPRequest(
                url: server.url("/redirect?status=\(status)&to=%2Fecho"), headers: Self.credentials,
                body: Array(#"{"a":1}"#.utf8))
            let echo = try EchoedRequest(try await server.client().send(request))

            // then
            #expect(echo.method == "POST")
            #expect(echo.body == #"{"a":1}"#)
            #expect(echo.values(of: "Authorization") == ["Bearer t0ken"])
        }
    }

    @Test func redirectToAnotherAllowedServerDropsCredentials() async throws {
        try await HTTPTestServer.run { first in
            try await HTTPTestServer.run { second in
                // given: X-Api-Key configured as sensitive too
                let client = try first.client(
                    sensitiveHeaders: ConnectorHTTPClientConfiguration.standardSensitiveHeaders.union(["X-API-KEY"]))
                let target = queryEncoded(second.url("/echo"))

                // when
                let request = ConnectorHTTPRequest(
                    url: first.url("/redirect?status=307&to=\(target)"), headers: Self.credentials, body: [1])
                let echo = try EchoedRequest(try await client.send(request))

                // then
                #expect(echo.port == second.port)
                #expect(echo.values(of: "Host") == ["127.0.0.1:\(second.port)"])
                #expect(echo.values(of: "Authorization").isEmpty)
                #expect(echo.values(of: "X-Api-Key").isEmpty)
                #expect(echo.values(of: "Cookie").isEmpty)
                #expect(echo.values(of: "X-Trace") == ["t-1"])
            }
        }
    }

    @Test(arguments: [
        ("http://127.0.0.2:PORT/echo", "127.0.0.2"), ("http://0x7f.0.0.2:PORT/echo", "127.0.0.2"),
        ("http://2130706434:PORT/echo", "127.0.0.2"), ("http://[::1]:PORT/echo", "[::1]"),
        ("//[::ffff:127.0.0.3]:PORT/echo", "[::ffff:127.0.0.3]"),
    ])
    func redirectToABlockedAddressIsRefused(location: String, blockedHost: String) async throws {
        try await HTTPTestServer.run { server in
            // given: only 127.0.0.1 is allowed
            let location = location.replacing("PORT", with: "\(server.port)")

            // when
            let client = try server.client()
            let error = await #expect(throws: ConnectorHTTPError.self) {
                try await client.send(ConnectorHTTPRequest(url: server.url("/redirect?to=\(queryEncoded(location))")))
            }

            // then: the first request was made, the redirect never
            guard case .blockedDestination(let host, _) = error else {
                Issue.record("expected blockedDestination, got \(String(describing: error))")
                return
            }
            #expect(host == blockedHost)
            #expect(server.connectionCount() == 1)
        }
    }

    @Test func redirectLoopStopsAfterFiveRedirects() async throws {
        try await HTTPTestServer.run { server in
            // when
            let client = try server.client()
            let error = await #expect(throws: ConnectorHTTPError.self) {
                try await client.send(ConnectorHTTPRequest(method: "GET", url: server.url("/loop")))
            }

            // then
            #expect(error == .tooManyRedirects)
            #expect(server.requestLines() == Array(repeating: "GET /loop", count: 6))
        }
    }

    @Test func fiveRedirectsAreFollowed() async throws {
        try await HTTPTestServer.run { server in
            // given
            let chain = redirectChain(hops: 5, to: "/echo")

            // when
            let response = try await server.client().send(ConnectorHTTPRequest(method: "GET", url: server.url(chain)))

            // then
            #expect(response.status == 200)
            #expect(server.requestLines().count == 6)
        }
    }

    @Test func timeoutCoversTheWholeRedirectChain() async throws {
        try await HTTPTestServer.run { server in
            // given: three hops of 1 s each, every one well within the 2.5 s timeout (the margin
            // is for a loaded machine: the other tests start dozens of servers at once)
            let chain = redirectChain(hops: 3, to: "/echo", delayMilliseconds: 1000)

            // when
            let client = try server.client()
            let error = await #expect(throws: ConnectorHTTPError.self) {
                try await client.send(
                    ConnectorHTTPRequest(method: "GET", url: server.url(chain), timeout: .milliseconds(2500)))
            }

            // then
            #expect(error == .timedOut)
            #expect(server.requestLines().count >= 2)
        }
    }
}

/// `/redirect?…` URLs that redirect `hops` times before reaching `target`.
func redirectChain(hops: Int, to target: String, delayMilliseconds: Int = 0) -> String {
    (0..<hops).reduce(target) { inner, _ in "/redirect?delay_ms=\(delayMilliseconds)&to=\(queryEncoded(inner))" }
}

/// Percent-encodes everything but RFC 3986's unreserved characters, for a query value.
func queryEncoded(_ text: String) -> String {
    text.utf8.map { byte in
        let character = Character(UnicodeScalar(byte))
        if byte < 0x80, character.isLetter || character.isNumber || "-._~".contains(character) {
            return String(character)
        }
        return "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
    }.joined()
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
