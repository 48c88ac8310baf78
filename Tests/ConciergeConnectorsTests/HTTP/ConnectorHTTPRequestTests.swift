import ConciergeConnectors
import Testing

@Suite("ConnectorHTTPRequest is checked and summarised without leaking secrets")
struct ConnectorHTTPRequestTests {
    @Test(arguments: [
        (
            "POST", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-secret",
            "POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send"
        ),
        (
            "POST", "https://oapi.dingtalk.com/robot/send?access_token=abc&sign=x",
            "POST https://oapi.dingtalk.com/robot/send"
        ),
        ("GET", "http://user:pa55@Example.COM:8080/a/b?c=d#frag", "GET http://example.com:8080/a/b"),
        ("GET", "https://api.example.com:443/x", "GET https://api.example.com/x"),
        ("GET", "http://api.example.com:80", "GET http://api.example.com/"),
        ("GET", "https://api.example.com:80/x", "GET https://api.example.com:80/x"),
        ("PUT", "http://[::1]:8080/x?y=1", "PUT http://[::1]:8080/x"),
        ("GET", "http://2130706433/p", "GET http://127.0.0.1/p"),
        ("GET", "https://h.example/p#token=secret", "GET https://h.example/p"),
        ("GET", "https://h.example/工单/1", "GET https://h.example/%E5%B7%A5%E5%8D%95/1"),
        ("POST", "not a url ?key=secret", "POST (invalid URL)"),
    ])
    func redactedSummaryKeepsMethodOriginAndPathOnly(method: String, url: String, summary: String) {
        // given
        let request = ConnectorHTTPRequest(
            method: method, url: url, headers: [ConnectorHTTPHeader("Authorization", "Bearer t0k")])

        // then
        #expect(request.redactedSummary == summary)
    }

    @Test(arguments: [
        "ftp://example.com/file", "example.com/path", "http://", "http:///path", "http://exa mple.com/",
        "http://example.com:99999/", "http://example.com:0/", "http://example.com:/", "http://example.com:8o/",
        "http://[::1/", "http://[::1]x/", "http://[fe80::1%25eth0]/", "http://[fe80::1%eth0]/", "http://1.2.3.4.5/",
        "http://256.0.0.1/", "http://0x100.0.0.1/", "http://08.0.0.1/", "http://4294967296/",
        "http://user:pa55@example.com/", "http://example.com@127.0.0.1/", "http://ex\\ample.com/",
        "http://bücher.example/", "http://%31%32%37.0.0.1/", "http://example.com/a\r\nX-Injected: 1", "http://a..b/",
        "http://exa\tmple.com/",
    ])
    func malformedOrAmbiguousURLIsRefusedBeforeAnyLookup(url: String) async throws {
        // given: the strict shared policy; nothing here may reach the network
        let client = try ConnectorHTTPClient()

        // when
        let error = await #expect(throws: ConnectorHTTPError.self) {
            try await client.send(ConnectorHTTPRequest(method: "GET", url: url, timeout: .seconds(2)))
        }

        // then
        guard case .invalidURL(let reason) = error else {
            Issue.record("expected invalidURL, got \(String(describing: error))")
            return
        }
        #expect(error?.isRetryable == false)
        #expect(!reason.contains("pa55") && !reason.contains("Injected"))
    }

    @Test(arguments: [
        ("GET", [ConnectorHTTPHeader("X-Evil", "a\r\nHost: 127.0.0.1")]),
        ("GET", [ConnectorHTTPHeader("X-Evil", "a\nb")]),
        ("GET", [ConnectorHTTPHeader("Bad Name", "x")]),
        ("GET", [ConnectorHTTPHeader("", "x")]),
        ("GET /admin HTTP/1.1\r\nX:", []),
        ("", []),
    ])
    func methodOrHeaderThatCouldSplitTheRequestIsRefused(method: String, headers: [ConnectorHTTPHeader]) async throws {
        // given
        let client = try ConnectorHTTPClient()
        let request = ConnectorHTTPRequest(method: method, url: "https://api.example.com/", headers: headers)

        // when
        let error = await #expect(throws: ConnectorHTTPError.self) { try await client.send(request) }

        // then
        guard case .invalidURL(let reason) = error else {
            Issue.record("expected invalidURL, got \(String(describing: error))")
            return
        }
        #expect(!reason.contains("127.0.0.1"))
    }

    @Test func errorsSayWhetherToRetry() {
        #expect(ConnectorHTTPError.timedOut.isRetryable)
        #expect(ConnectorHTTPError.connectionFailed("reset").isRetryable)
        #expect(ConnectorHTTPError.nameResolutionFailed(host: "x.example").isRetryable)
        #expect(ConnectorHTTPError.protocolViolation("garbled").isRetryable)
        #expect(!ConnectorHTTPError.invalidURL("x").isRetryable)
        #expect(!ConnectorHTTPError.blockedDestination(host: "10.0.0.1", reason: "private").isRetryable)
        #expect(!ConnectorHTTPError.tlsFailure("bad certificate").isRetryable)
        #expect(!ConnectorHTTPError.responseTooLarge(limit: 1).isRetryable)
        #expect(!ConnectorHTTPError.tooManyRedirects.isRetryable)
    }

    @Test func responseHeaderLookupIgnoresCase() {
        let response = ConnectorHTTPResponse(
            status: 429, headers: [ConnectorHTTPHeader("Retry-After", "30"), ConnectorHTTPHeader("retry-after", "60")],
            body: [])
        #expect(response.header("RETRY-AFTER") == "30")
        #expect(response.header("X-Missing") == nil)
    }
}
