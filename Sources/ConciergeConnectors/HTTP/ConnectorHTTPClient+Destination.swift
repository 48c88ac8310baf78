import Logging
import NIOCore

extension ConnectorHTTPClient {
    /// The socket addresses `url` may be sent to: its port allowed, its host resolved here and
    /// every address it resolved to allowed by the policy.
    ///
    /// Blocking the whole host when any one of its addresses is blocked is deliberate: an
    /// attacker who controls a name can publish one public and one private address, and we
    /// must not depend on the order in which we would try them.
    ///
    /// - Throws: ``ConnectorHTTPError/blockedDestination(host:reason:)`` before any connection
    ///   is attempted, or ``ConnectorHTTPError/nameResolutionFailed(host:)``.
    func checkedAddresses(for url: ConnectorURL) async throws(ConnectorHTTPError) -> [SocketAddress] {
        let policy = configuration.addressPolicy
        if let reason = policy.blockReason(forPort: url.port) {
            throw .blockedDestination(host: url.hostText, reason: reason)
        }
        let addresses: [IPAddress]
        switch url.host {
        case .address(let address):
            addresses = [address]
        case .name(let name):
            addresses = try await resolver.resolve(name, on: eventLoopGroup.any())
        }
        for address in addresses {
            if let reason = policy.blockReason(for: address) {
                logger.info(
                    "connector destination blocked", metadata: ["host": "\(url.hostText)", "reason": "\(reason)"])
                throw .blockedDestination(host: url.hostText, reason: reason)
            }
        }
        var socketAddresses: [SocketAddress] = []
        for address in addresses {
            do {
                socketAddresses.append(try SocketAddress(ipAddress: address.description, port: url.port))
            } catch {
                throw .connectionFailed("cannot use the address \(address): \(error)")
            }
        }
        return socketAddresses
    }
}
