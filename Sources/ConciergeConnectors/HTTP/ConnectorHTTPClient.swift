import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Sends connector requests over HTTP/1.1 on SwiftNIO, guarded against server-side request
/// forgery: the production ``ConnectorHTTPTransport``.
///
/// ```swift
/// let client = try ConnectorHTTPClient(logger: logger)  // shared-deployment policy, system trust
/// let response = try await client.send(
///     ConnectorHTTPRequest(url: webhookURL, headers: [ConnectorHTTPHeader("Content-Type", "application/json")],
///                          body: Array(json.utf8), timeout: .seconds(5)))
/// ```
///
/// For every request, and again for every redirect it follows, the client:
/// 1. parses the URL strictly (``ConnectorHTTPRequest/url``), normalising IP literals in any
///    form (`http://2130706433/` is `127.0.0.1`);
/// 2. checks the port and resolves the host itself, off the event loop, and asks
///    ``OutboundAddressPolicy`` about every address: one blocked address blocks the host;
/// 3. connects to a checked address — never the name again, so DNS rebinding cannot swap in
///    another address — with `Host`, SNI and certificate verification for the original name;
/// 4. sends the request with `Connection: close` and reads the whole response up to
///    ``ConnectorHTTPClientConfiguration/maximumResponseBodySize``.
///
/// Redirects (301, 302, 303, 307, 308) are followed up to
/// ``ConnectorHTTPClientConfiguration/maximumRedirects`` times: 301/302/303 turn into a `GET`
/// without body, 307/308 keep method and body; credentials
/// (``ConnectorHTTPClientConfiguration/sensitiveHeaders``) are dropped when the origin changes,
/// and an https → http redirect is refused. The request's timeout covers all of it.
///
/// One connection per request: connectors send a few requests a minute per tenant, and a pool
/// would have to re-check its connections' addresses against a policy that may have changed.
/// The client is a value holding the configuration and the TLS context, safe to share.
public struct ConnectorHTTPClient: ConnectorHTTPTransport {
    /// Where requests may go and how they are made.
    public let configuration: ConnectorHTTPClientConfiguration
    let sslContext: NIOSSLContext
    let eventLoopGroup: any EventLoopGroup
    let resolver: OutboundAddressResolver
    let logger: Logger

    /// Creates a client; nothing connects until a request is sent.
    ///
    /// - Parameters:
    ///   - configuration: The address policy, certificate trust and limits.
    ///   - eventLoopGroup: Where connections run; the shared NIO group by default.
    ///   - logger: Receives debug events with ``ConnectorHTTPRequest/redactedSummary`` — never a
    ///     query string, header value or body.
    /// - Throws: ``ConnectorHTTPError/tlsFailure(_:)`` when the CA file cannot be read.
    public init(
        configuration: ConnectorHTTPClientConfiguration = ConnectorHTTPClientConfiguration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "concierge.connector.http")
    ) throws(ConnectorHTTPError) {
        self.configuration = configuration
        self.sslContext = try configuration.makeSSLContext()
        self.eventLoopGroup = eventLoopGroup
        self.resolver = OutboundAddressResolver()
        self.logger = logger
        if configuration.certificateTrust == .insecureNoCertificateVerification {
            logger.warning(
                "connector HTTP client created WITHOUT TLS certificate verification: never use in production")
        }
    }

    /// Sends `request`, following redirects, and returns the final response whatever its status.
    ///
    /// - Throws: ``ConnectorHTTPError``; ``ConnectorHTTPError/isRetryable`` says whether to try again.
    public func send(_ request: ConnectorHTTPRequest) async throws(ConnectorHTTPError) -> ConnectorHTTPResponse {
        let deadline = ContinuousClock.now + request.timeout
        do {
            // The timeout races the whole exchange, so no step (DNS, connect, TLS, a redirect,
            // a trickling body) needs a deadline of its own to keep the promise.
            return try await withThrowingTaskGroup(of: ConnectorHTTPResponse?.self) { group in
                group.addTask { try await self.followingRedirects(request, deadline: deadline) }
                group.addTask {
                    try await Task.sleep(until: deadline, clock: .continuous)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let response = first else {
                    throw ConnectorHTTPError.timedOut
                }
                return response
            }
        } catch let error as ConnectorHTTPError {
            logger.debug(
                "connector request failed", metadata: ["request": "\(request.redactedSummary)", "error": "\(error)"])
            throw error
        } catch is CancellationError {
            throw .connectionFailed("the request was cancelled")
        } catch {
            throw .connectionFailed("\(error)")
        }
    }

    /// Sends the request and each redirect in turn, checking every destination.
    private func followingRedirects(
        _ request: ConnectorHTTPRequest, deadline: ContinuousClock.Instant
    ) async throws(ConnectorHTTPError) -> ConnectorHTTPResponse {
        var hop = ConnectorHTTPHop(
            url: try ConnectorURL.parse(request.url), method: request.method,
            headers: try ConnectorHTTPHop.validatedHeaders(request.headers), body: request.body)
        try hop.validate()
        var redirects = 0
        while true {
            let response = try await send(hop, deadline: deadline)
            logger.debug(
                "connector response",
                metadata: ["request": "\(hop.method) \(hop.url.redacted)", "status": "\(response.status)"])
            guard let next = try hop.redirected(by: response, configuration: configuration) else {
                return response
            }
            redirects += 1
            guard redirects <= configuration.maximumRedirects else { throw .tooManyRedirects }
            hop = next
        }
    }

    /// One request on one connection to a checked address.
    private func send(_ hop: ConnectorHTTPHop, deadline: ContinuousClock.Instant) async throws(ConnectorHTTPError)
        -> ConnectorHTTPResponse
    {
        let addresses = try await checkedAddresses(for: hop.url)
        var lastError = ConnectorHTTPError.connectionFailed("no address to connect to")
        // Try the addresses in the resolver's order until one accepts the connection; once the
        // request is on the wire it is never sent twice.
        for address in addresses {
            let connection: ConnectorHTTPConnection
            do throws(ConnectorHTTPError) {
                connection = try await ConnectorHTTPConnection.connect(
                    to: address, tls: hop.url.scheme == .https ? sslContext : nil,
                    serverName: hop.url.serverName, bodyLimit: configuration.maximumResponseBodySize,
                    deadline: deadline, eventLoopGroup: eventLoopGroup)
            } catch {
                guard case .connectionFailed = error else { throw error }
                lastError = error
                continue
            }
            return try await connection.exchange(
                head: hop.requestHead(userAgent: configuration.userAgent), body: hop.body)
        }
        throw lastError
    }
}
