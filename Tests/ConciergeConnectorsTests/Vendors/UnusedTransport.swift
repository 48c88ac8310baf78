@testable import ConciergeConnectors

/// A transport for tests that only build requests: any attempt to send fails the test's
/// expectations with a permanent, recognisable error. It never imitates a vendor (those tests run
/// over real HTTP against vendor_stub_server.py).
struct UnusedTransport: ConnectorHTTPTransport {
    func send(_ request: ConnectorHTTPRequest) async throws(ConnectorHTTPError) -> ConnectorHTTPResponse {
        throw .invalidURL("UnusedTransport: this test must not send")
    }
}
