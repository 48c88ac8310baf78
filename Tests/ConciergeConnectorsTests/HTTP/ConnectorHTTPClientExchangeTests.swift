import ConciergeConnectors
import Testing

@Suite(
    "ConnectorHTTPClient talks HTTP/1.1 to a real server",
    .enabled(if: HTTPTestServer.toolsAreInstalled, "needs python3 and openssl"), .serialized)
struct ConnectorHTTPClientExchangeTests {
    @Test func getSendsHostUserAgentAndConnectionCloseButNoLength() async throws {
        try await HTTPTestServer.run { server in
            // when
            let response = try await server.client().send(
                ConnectorHTTPRequest(method: "GET", url: server.url("/echo?a=1&b=%E4%B8%AD")))

            // then
            #expect(response.status == 200)
            #expect(response.header("content-type") == "application/json")
            let echo = try EchoedRequest(response)
            #expect(echo.method == "GET")
            #expect(echo.target == "/echo?a=1&b=%E4%B8%AD")
            #expect(echo.values(of: "Host") == ["127.0.0.1:\(server.port)"])
            #expect(echo.values(of: "User-Agent") == ["Concierge-Connector/1"])
            #expect(echo.values(of: "Connection") == ["close"])
            #expect(echo.values(of: "Content-Length").isEmpty)
        }
    }

    @Test func postSendsBodyWithItsLengthAndTheCallersHeaders() async throws {
        try await HTTPTestServer.run { server in
            // given: a DingTalk-style JSON message, and headers the client must own itself
            let json = #"{"msgtype":"text","text":{"content":"工单 #1001 已更新"}}"#
            let request = ConnectorHTTPRequest(
                url: server.url("/echo"),
                headers: [
                    ConnectorHTTPHeader("Content-Type", "application/json; charset=utf-8"),
                    ConnectorHTTPHeader("X-Trace", "t-1"), ConnectorHTTPHeader("Host", "evil.example"),
                    ConnectorHTTPHeader("Content-Length", "1"), ConnectorHTTPHeader("Transfer-Encoding", "chunked"),
                ],
                body: Array(json.utf8))

            // when
            let echo = try EchoedRequest(try await server.client().send(request))

            // then
            #expect(echo.method == "POST")
            #expect(echo.body == json)
            #expect(echo.values(of: "Content-Length") == ["\(json.utf8.count)"])
            #expect(echo.values(of: "Content-Type") == ["application/json; charset=utf-8"])
            #expect(echo.values(of: "X-Trace") == ["t-1"])
            #expect(echo.values(of: "Host") == ["127.0.0.1:\(server.port)"])
            #expect(echo.values(of: "Transfer-Encoding").isEmpty)
        }
    }

    @Test func emptyPostStillSaysContentLengthZeroAndUserAgentCanBeReplaced() async throws {
        try await HTTPTestServer.run { server in
            // when
            let request = ConnectorHTTPRequest(
                method: "PUT", url: server.url("/echo"), headers: [ConnectorHTTPHeader("user-agent", "Vendor-SDK/2")])
            let echo = try EchoedRequest(try await server.client().send(request))

            // then
            #expect(echo.method == "PUT")
            #expect(echo.values(of: "Content-Length") == ["0"])
            #expect(echo.values(of: "User-Agent") == ["Vendor-SDK/2"])
        }
    }

    @Test func chunkedResponseIsReassembled() async throws {
        try await HTTPTestServer.run { server in
            // when
            let response = try await server.client().send(
                ConnectorHTTPRequest(method: "GET", url: server.url("/chunked")))

            // then
            #expect(response.header("transfer-encoding") == "chunked")
            #expect(response.text == (0..<5).map { "chunk \($0)\n" }.joined())
        }
    }

    @Test func bodyDelimitedByCloseIsReadToTheEnd() async throws {
        try await HTTPTestServer.run { server in
            // when
            let response = try await server.client().send(
                ConnectorHTTPRequest(method: "GET", url: server.url("/close-delimited")))

            // then
            #expect(response.status == 200)
            #expect(response.text == "no length, ended by close\n")
        }
    }

    @Test(arguments: [201, 204, 400, 401, 404, 408, 429, 500, 502, 503])
    func statusIsPassedThroughAsAResponse(status: Int) async throws {
        try await HTTPTestServer.run { server in
            // when
            let response = try await server.client().send(
                ConnectorHTTPRequest(url: server.url("/status/\(status)?retry-after=30")))

            // then
            #expect(response.status == status)
            #expect(response.header("Retry-After") == "30")
            #expect(response.text == (status == 204 ? "" : "status \(status)\n"))
        }
    }

    @Test func bodyOfExactlyTheLimitIsAccepted() async throws {
        try await HTTPTestServer.run { server in
            // when
            let response = try await server.client().send(
                ConnectorHTTPRequest(method: "GET", url: server.url("/bytes/\(1 << 20)")))

            // then
            #expect(response.body.count == 1 << 20)
        }
    }

    @Test func bodyAnnouncedLargerThanTheLimitFailsPermanently() async throws {
        try await HTTPTestServer.run { server in
            // when
            let client = try server.client()
            let error = await #expect(throws: ConnectorHTTPError.self) {
                try await client.send(ConnectorHTTPRequest(method: "GET", url: server.url("/bytes/\((1 << 20) + 1)")))
            }

            // then
            #expect(error == .responseTooLarge(limit: 1 << 20))
            #expect(error?.isRetryable == false)
        }
    }

    @Test func chunkedBodyGrowingPastTheLimitFails() async throws {
        try await HTTPTestServer.run { server in
            // given
            let client = try server.client(maximumResponseBodySize: 100_000)

            // when
            let error = await #expect(throws: ConnectorHTTPError.self) {
                try await client.send(ConnectorHTTPRequest(method: "GET", url: server.url("/chunked-bytes/3000000")))
            }

            // then
            #expect(error == .responseTooLarge(limit: 100_000))
        }
    }

    @Test func responseThatIsNotHTTPIsARetryableProtocolViolation() async throws {
        try await HTTPTestServer.run { server in
            // when
            let client = try server.client()
            let error = await #expect(throws: ConnectorHTTPError.self) {
                try await client.send(ConnectorHTTPRequest(method: "GET", url: server.url("/malformed")))
            }

            // then
            guard case .protocolViolation = error else {
                Issue.record("expected protocolViolation, got \(String(describing: error))")
                return
            }
            #expect(error?.isRetryable == true)
        }
    }
}
