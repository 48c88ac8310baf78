import Foundation

/// Fetches and caches the access token of a Yonyou self-built app:
/// `GET {tokenURL}?appKey=…&timestamp=…&signature=…` (see ``YonyouSigner``) answering
/// `{"code": "00000", "message": "成功！", "data": {"access_token": "…", "expire": 7200}}`.
///
/// The token is reused until a minute before `expire` seconds; concurrent callers share one fetch
/// and ``invalidate(_:)`` drops a token the gateway refused.
actor YonyouAccessTokenProvider {
    private struct CachedToken {
        var value: String
        var refreshAt: Date
    }

    private let configuration: YonyouConfiguration
    private let transport: any ConnectorHTTPTransport
    private let now: @Sendable () -> Date
    private var cached: CachedToken?
    private var refreshing: Task<CachedToken, any Error>?
    /// How many tokens were fetched.
    private(set) var fetchCount = 0

    init(configuration: YonyouConfiguration, transport: any ConnectorHTTPTransport, now: @escaping @Sendable () -> Date)
    {
        self.configuration = configuration
        self.transport = transport
        self.now = now
    }

    /// A valid token, cached or new.
    func token() async throws(IntegrationFailure) -> String {
        if let cached, now() < cached.refreshAt { return cached.value }
        let task: Task<CachedToken, any Error>
        if let refreshing {
            task = refreshing
        } else {
            let issuedAt = now()
            let separator = configuration.tokenURL.contains("?") ? "&" : "?"
            let query = YonyouSigner.tokenQuery(
                appKey: configuration.appKey, appSecret: configuration.appSecret, date: issuedAt)
            let request = ConnectorHTTPRequest(
                method: "GET", url: configuration.tokenURL + separator + query,
                headers: [ConnectorHTTPHeader("Accept", "application/json")], timeout: .seconds(15))
            let transport = self.transport
            task = Task { try await Self.fetch(request, transport: transport, issuedAt: issuedAt) }
            refreshing = task
            fetchCount += 1
        }
        do {
            let token = try await task.value
            cached = token
            refreshing = nil
            return token.value
        } catch {
            refreshing = nil
            throw (error as? IntegrationFailure) ?? .protocolViolation("yonyou", "the token request failed")
        }
    }

    /// Drops `token` if it is the cached one.
    func invalidate(_ token: String) {
        if cached?.value == token { cached = nil }
    }

    private static func fetch(_ request: ConnectorHTTPRequest, transport: any ConnectorHTTPTransport, issuedAt: Date)
        async throws(IntegrationFailure) -> CachedToken
    {
        let response: ConnectorHTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw error.isRetryable
                ? .retryable(reason: "yonyou token request: \(error)", retryAfter: nil)
                : .permanent(reason: "yonyou token request: \(error)")
        }
        let object = VendorJSON.object(response.body)
        let code = VendorJSON.scalarText(object?["code"]) ?? "-"
        let message = (object?["message"] as? String).map(IntegrationFailure.sanitized) ?? ""
        guard (200..<300).contains(response.status) else {
            throw IntegrationFailure.http(response, vendor: "yonyou token", detail: "\(code) \(message)", now: issuedAt)
        }
        let data = object?["data"] as? [String: Any]
        guard code == "00000", let token = data?["access_token"] as? String, !token.isEmpty else {
            guard object != nil else {
                throw IntegrationFailure.protocolViolation("yonyou", "token answer is not JSON")
            }
            throw IntegrationFailure.permanent(
                reason: "yonyou refused the app credentials: code \(code) \(message) (check appKey and appSecret)")
        }
        let lifetime = Double(VendorJSON.integer(data?["expire"]) ?? 7200)
        let usable = lifetime > 120 ? lifetime - 60 : lifetime / 2
        return CachedToken(value: token, refreshAt: issuedAt.addingTimeInterval(usable))
    }
}
