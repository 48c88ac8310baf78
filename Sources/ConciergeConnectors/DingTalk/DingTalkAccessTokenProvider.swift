import Foundation

/// Fetches and caches the access token of a DingTalk internal app
/// (`POST {base}/v1.0/oauth2/accessToken` with `appKey`/`appSecret` → `accessToken`, `expireIn`).
///
/// The token is reused until shortly before it expires (``refreshMargin``); concurrent callers
/// share one refresh instead of each buying a token; and a token the API rejected is dropped with
/// ``invalidate(_:)`` so the next caller fetches a new one. DingTalk issues tokens valid for 7200 s
/// and rate-limits the token endpoint, which is why caching matters.
public actor DingTalkAccessTokenProvider {
    private struct CachedToken {
        var value: String
        var refreshAt: Date
    }

    /// The production API host.
    public static let defaultBaseURL = "https://api.dingtalk.com"

    private let credentials: DingTalkAppCredentials
    private let transport: any ConnectorHTTPTransport
    private let baseURL: String
    /// How long before expiry a token stops being handed out.
    public let refreshMargin: Duration
    private let timeout: Duration
    private let now: @Sendable () -> Date
    private var cached: CachedToken?
    private var refreshing: Task<CachedToken, any Error>?
    /// How many tokens were fetched; tests use it to prove caching and single refreshes.
    public private(set) var fetchCount = 0

    /// Creates a provider.
    ///
    /// - Parameters:
    ///   - credentials: The app's key and secret.
    ///   - transport: Sends the token requests.
    ///   - baseURL: The API host; tests point it at 127.0.0.1.
    ///   - refreshMargin: How long before expiry to fetch a new token (default 5 minutes).
    ///   - now: The clock, injectable for tests.
    public init(
        credentials: DingTalkAppCredentials, transport: any ConnectorHTTPTransport,
        baseURL: String = DingTalkAccessTokenProvider.defaultBaseURL, refreshMargin: Duration = .seconds(300),
        timeout: Duration = .seconds(10), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.credentials = credentials
        self.transport = transport
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.refreshMargin = refreshMargin
        self.timeout = timeout
        self.now = now
    }

    /// A valid token: the cached one while it is fresh, else a new one.
    ///
    /// - Throws: ``DingTalkAccessTokenError`` when DingTalk gives none.
    public func token() async throws(DingTalkAccessTokenError) -> String {
        if let cached, now() < cached.refreshAt { return cached.value }
        let task: Task<CachedToken, any Error>
        if let refreshing {
            task = refreshing
        } else {
            let request = tokenRequest()
            let transport = self.transport
            let issuedAt = now()
            let margin = refreshMargin
            task = Task { try await Self.fetch(request, transport: transport, issuedAt: issuedAt, margin: margin) }
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
            throw (error as? DingTalkAccessTokenError) ?? .protocolViolation
        }
    }

    /// Drops `token` if it is the cached one, after the API refused it; a token already replaced
    /// by another caller's refresh is left alone, so one rejection causes one refresh.
    public func invalidate(_ token: String) {
        if cached?.value == token { cached = nil }
    }

    private func tokenRequest() -> ConnectorHTTPRequest {
        ConnectorHTTPRequest(
            method: "POST", url: baseURL + "/v1.0/oauth2/accessToken",
            headers: [ConnectorHTTPHeader("Content-Type", "application/json")],
            body: VendorJSON.encode(["appKey": credentials.appKey, "appSecret": credentials.appSecret]),
            timeout: timeout)
    }

    private static func fetch(
        _ request: ConnectorHTTPRequest, transport: any ConnectorHTTPTransport, issuedAt: Date, margin: Duration
    ) async throws(DingTalkAccessTokenError) -> CachedToken {
        let response: ConnectorHTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw .transport(error)
        }
        let object = VendorJSON.object(response.body)
        guard response.status == 200 else {
            let code = (object?["code"] as? String).map(VendorErrcodeReply.sanitized) ?? "-"
            if ConnectorResponseClassifier.isRetryableStatus(response.status) {
                throw .unavailable(status: response.status, code: code)
            }
            throw .rejected(status: response.status, code: code)
        }
        guard let object, let token = object["accessToken"] as? String, !token.isEmpty,
            let lifetime = VendorJSON.integer(object["expireIn"]), lifetime > 0
        else { throw .protocolViolation }
        // A lifetime shorter than twice the margin would be refreshed at once; use half of it.
        let marginSeconds = Double(margin.components.seconds)
        let usable = Double(lifetime) > 2 * marginSeconds ? Double(lifetime) - marginSeconds : Double(lifetime) / 2
        return CachedToken(value: token, refreshAt: issuedAt.addingTimeInterval(usable))
    }
}
