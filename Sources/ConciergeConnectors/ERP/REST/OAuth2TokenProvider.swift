import Foundation

/// Fetches and caches an OAuth 2.0 client-credentials token for ``RESTClient``.
///
/// `POST tokenURL` with the form `grant_type=client_credentials&client_id=…&client_secret=…[&scope=…]`;
/// the answer's `access_token` is reused until ``refreshMargin`` before its `expires_in` (or before
/// `defaultLifetime` when the server gives none, as Salesforce does). Concurrent callers share one
/// fetch, and ``invalidate(_:)`` drops a token the API refused so the next caller fetches anew.
public actor OAuth2TokenProvider {
    private struct CachedToken {
        var value: String
        var refreshAt: Date
    }

    private let tokenURL: String
    private let clientID: String
    private let clientSecret: String
    private let scope: String?
    private let transport: any ConnectorHTTPTransport
    private let timeout: Duration
    private let refreshMargin: TimeInterval
    private let defaultLifetime: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: CachedToken?
    private var refreshing: Task<CachedToken, any Error>?
    /// How many tokens were fetched; tests use it to prove caching and single refreshes.
    public private(set) var fetchCount = 0

    /// Creates a provider; nothing is fetched until ``token()`` is called.
    ///
    /// - Parameters:
    ///   - refreshMargin: How long before expiry a token stops being handed out (default 60 s).
    ///   - defaultLifetime: The lifetime assumed when the answer has no `expires_in` (default 15 min).
    public init(
        tokenURL: String, clientID: String, clientSecret: String, scope: String?,
        transport: any ConnectorHTTPTransport, timeout: Duration = .seconds(15),
        refreshMargin: TimeInterval = 60, defaultLifetime: TimeInterval = 900,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.scope = scope
        self.transport = transport
        self.timeout = timeout
        self.refreshMargin = refreshMargin
        self.defaultLifetime = defaultLifetime
        self.now = now
    }

    /// A valid token: the cached one while it is fresh, else a new one.
    public func token() async throws(RESTClientError) -> String {
        if let cached, now() < cached.refreshAt { return cached.value }
        let task: Task<CachedToken, any Error>
        if let refreshing {
            task = refreshing
        } else {
            let request = tokenRequest()
            let (transport, issuedAt, margin, fallback) = (self.transport, now(), refreshMargin, defaultLifetime)
            task = Task {
                try await Self.fetch(
                    request, transport: transport, issuedAt: issuedAt, margin: margin, defaultLifetime: fallback)
            }
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
            throw (error as? RESTClientError) ?? .tokenResponseMalformed
        }
    }

    /// Drops `token` if it is the cached one, after the API refused it.
    public func invalidate(_ token: String) {
        if cached?.value == token { cached = nil }
    }

    private func tokenRequest() -> ConnectorHTTPRequest {
        var fields = [("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", clientSecret)]
        if let scope { fields.append(("scope", scope)) }
        let body = fields.map { "\($0.0)=\(PercentEncoding.formComponent($0.1))" }.joined(separator: "&")
        return ConnectorHTTPRequest(
            method: "POST", url: tokenURL,
            headers: [
                ConnectorHTTPHeader("Content-Type", "application/x-www-form-urlencoded"),
                ConnectorHTTPHeader("Accept", "application/json"),
            ],
            body: Array(body.utf8), timeout: timeout)
    }

    private static func fetch(
        _ request: ConnectorHTTPRequest, transport: any ConnectorHTTPTransport, issuedAt: Date,
        margin: TimeInterval, defaultLifetime: TimeInterval
    ) async throws(RESTClientError) -> CachedToken {
        let response: ConnectorHTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw .transport(error)
        }
        let object = VendorJSON.object(response.body)
        guard (200..<300).contains(response.status) else {
            let code = VendorJSON.scalarText(object?["error"]) ?? "-"
            let message = VendorJSON.scalarText(object?["error_description"]) ?? ""
            let detail = IntegrationFailure.sanitized("\(code) \(message)")
            guard ConnectorResponseClassifier.isRetryableStatus(response.status) else {
                throw .credentialsRejected(status: response.status, detail: detail)
            }
            let wait = ConnectorResponseClassifier.retryAfter(of: response, now: issuedAt)
            throw .tokenUnavailable(status: response.status, detail: detail, retryAfter: wait)
        }
        guard let object, let token = object["access_token"] as? String, !token.isEmpty else {
            throw .tokenResponseMalformed
        }
        let lifetime = VendorJSON.integer(object["expires_in"]).map(TimeInterval.init) ?? defaultLifetime
        let usable = lifetime > 2 * margin ? lifetime - margin : lifetime / 2
        return CachedToken(value: token, refreshAt: issuedAt.addingTimeInterval(usable))
    }
}
