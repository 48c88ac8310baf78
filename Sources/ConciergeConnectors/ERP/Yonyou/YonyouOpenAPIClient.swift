import Foundation

/// Yonyou's open API gateway: `POST {base}{path}?access_token=…` with a JSON body, answering
/// `{"code": "200", "message": …, "data": …}` — with HTTP 200 also for failures, so `code` decides.
///
/// A code other than `"200"` is a failure: throttling codes (and 限流/频繁 messages) are retryable,
/// an expired-token answer fetches a new token once, everything else is permanent.
struct YonyouOpenAPIClient: Sendable {
    private let configuration: YonyouConfiguration
    private let rest: RESTClient
    private let tokens: YonyouAccessTokenProvider
    private let now: @Sendable () -> Date

    init(configuration: YonyouConfiguration, transport: any ConnectorHTTPTransport, now: @escaping @Sendable () -> Date)
    {
        self.configuration = configuration
        self.rest = RESTClient(baseURL: configuration.baseURL, auth: .none, transport: transport, now: now)
        self.tokens = YonyouAccessTokenProvider(configuration: configuration, transport: transport, now: now)
        self.now = now
    }

    /// How many tokens were fetched.
    var tokenFetchCount: Int {
        get async { await tokens.fetchCount }
    }

    /// The `data` of a successful call of `path` with `body`.
    func call(_ path: String, _ body: [String: Any]) async throws(IntegrationFailure) -> Any {
        let token = try await tokens.token()
        let first = try await send(path, body, token: token)
        guard isTokenExpired(first) else { return try data(of: first, path: path) }
        await tokens.invalidate(token)
        return try data(of: try await send(path, body, token: try await tokens.token()), path: path)
    }

    private func send(_ path: String, _ body: [String: Any], token: String) async throws(IntegrationFailure)
        -> ConnectorHTTPResponse
    {
        do {
            return try await rest.send(.json("POST", path, body, query: [("access_token", token)]))
        } catch {
            throw error.failure
        }
    }

    private func isTokenExpired(_ response: ConnectorHTTPResponse) -> Bool {
        if response.status == 401 { return true }
        let object = VendorJSON.object(response.body)
        guard let code = VendorJSON.scalarText(object?["code"]), code != "200" else { return false }
        if configuration.tokenExpiredCodes.contains(code) { return true }
        let message = ((object?["message"] as? String) ?? "").lowercased()
        return message.contains("token")
            && ["过期", "失效", "无效", "非法", "expired", "invalid"].contains {
                message.contains($0)
            }
    }

    private func data(of response: ConnectorHTTPResponse, path: String) throws(IntegrationFailure) -> Any {
        let object = VendorJSON.object(response.body)
        let code = VendorJSON.scalarText(object?["code"])
        let message = (object?["message"] as? String).map(IntegrationFailure.sanitized) ?? ""
        guard (200..<300).contains(response.status) else {
            throw IntegrationFailure.http(response, vendor: "yonyou", detail: "\(code ?? "-") \(message)", now: now())
        }
        guard let object, let code else {
            throw IntegrationFailure.protocolViolation("yonyou", "\(path) answered without the code envelope")
        }
        guard code == "200" else {
            let reason = "yonyou \(path) answered code \(code): \(message)"
            let throttled =
                configuration.throttlingCodes.contains(code) || message.contains("限流")
                || message.contains("频繁")
            throw throttled ? .retryable(reason: reason, retryAfter: nil) : .permanent(reason: reason)
        }
        return object["data"] ?? NSNull()
    }
}
