/// Sends connector requests. The production implementation is ``ConnectorHTTPClient``
/// (SwiftNIO + NIOSSL, SSRF-guarded); vendor connectors only see this protocol.
public protocol ConnectorHTTPTransport: Sendable {
    /// Sends `request`, following redirects, and returns the final response whatever its status.
    ///
    /// - Throws: ``ConnectorHTTPError`` when there is no HTTP response to return; its
    ///   ``ConnectorHTTPError/isRetryable`` says whether trying later can help.
    func send(_ request: ConnectorHTTPRequest) async throws(ConnectorHTTPError) -> ConnectorHTTPResponse
}
