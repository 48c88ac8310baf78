import Foundation

/// A small REST client for ERP and CRM APIs: joins paths to a base URL, encodes queries, applies
/// a ``RESTAuth`` and hands the request to a ``ConnectorHTTPTransport``.
///
/// Every status comes back as a response — what a 4xx means is the vendor adapter's decision —
/// with one exception: with ``RESTAuth/oauth2ClientCredentials(tokenURL:clientID:clientSecret:scope:)``
/// a 401 drops the cached token and the request is sent once more with a new one.
public struct RESTClient: Sendable {
    /// The scheme, host and optional path prefix every request path is appended to.
    public let baseURL: String
    /// The authentication applied to every request.
    public let auth: RESTAuth
    private let transport: any ConnectorHTTPTransport
    private let timeout: Duration
    private let tokens: OAuth2TokenProvider?
    private let now: @Sendable () -> Date

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - baseURL: E.g. `https://acme.my.salesforce.com`; tests use `http://127.0.0.1:<port>`.
    ///   - auth: The credentials; an OAuth token provider is created for the client-credentials case.
    ///   - transport: Sends the requests (``ConnectorHTTPClient`` in production).
    ///   - timeout: The limit per request.
    ///   - now: The clock for token expiry and HMAC timestamps.
    public init(
        baseURL: String, auth: RESTAuth, transport: any ConnectorHTTPTransport, timeout: Duration = .seconds(20),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.auth = auth
        self.transport = transport
        self.timeout = timeout
        self.now = now
        if case .oauth2ClientCredentials(let tokenURL, let clientID, let clientSecret, let scope) = auth {
            tokens = OAuth2TokenProvider(
                tokenURL: tokenURL, clientID: clientID, clientSecret: clientSecret, scope: scope,
                transport: transport, timeout: timeout, now: now)
        } else {
            tokens = nil
        }
    }

    /// How many OAuth tokens this client fetched (0 without OAuth); for tests.
    public var tokenFetchCount: Int {
        get async { await tokens?.fetchCount ?? 0 }
    }

    /// Sends `request` and returns the answer whatever its status.
    ///
    /// - Throws: ``RESTClientError`` when there is no answer or no OAuth token.
    public func send(_ request: RESTRequest) async throws(RESTClientError) -> ConnectorHTTPResponse {
        let token = try await tokens?.token()
        let response = try await sendOnce(request, token: token)
        guard response.status == 401, let tokens, let token else { return response }
        await tokens.invalidate(token)
        return try await sendOnce(request, token: try await tokens.token())
    }

    private func sendOnce(_ request: RESTRequest, token: String?) async throws(RESTClientError) -> ConnectorHTTPResponse
    {
        do {
            return try await transport.send(httpRequest(for: request, token: token))
        } catch {
            throw .transport(error)
        }
    }

    private func httpRequest(for request: RESTRequest, token: String?) -> ConnectorHTTPRequest {
        let pathAndQuery = request.pathAndQuery
        var headers = [ConnectorHTTPHeader("Accept", "application/json")]
        if !request.body.isEmpty, let contentType = request.contentType {
            headers.append(ConnectorHTTPHeader("Content-Type", contentType))
        }
        switch auth {
        case .none: break
        case .basic(let username, let password):
            let encoded = Data("\(username):\(password)".utf8).base64EncodedString()
            headers.append(ConnectorHTTPHeader("Authorization", "Basic \(encoded)"))
        case .bearer(let bearer):
            headers.append(ConnectorHTTPHeader("Authorization", "Bearer \(bearer)"))
        case .oauth2ClientCredentials:
            if let token { headers.append(ConnectorHTTPHeader("Authorization", "Bearer \(token)")) }
        case .hmac(let key):
            // The receiver sees the whole path, the base URL's prefix included, so that is signed.
            let prefix = URLComponents(string: baseURL)?.percentEncodedPath ?? ""
            let timestamp = Int64(now().timeIntervalSince1970.rounded(.down))
            headers += key.headers(
                method: request.method, pathAndQuery: prefix + pathAndQuery, timestamp: timestamp, body: request.body)
        }
        headers += request.headers
        return ConnectorHTTPRequest(
            method: request.method, url: baseURL + pathAndQuery, headers: headers, body: request.body, timeout: timeout)
    }
}
