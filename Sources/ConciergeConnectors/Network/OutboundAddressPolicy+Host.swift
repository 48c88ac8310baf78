import NIOCore
import NIOPosix

/// Why no connection may be made to a host.
public struct HostRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}

extension OutboundAddressPolicy {
    /// The address to connect to for `host` (a name or an address literal): resolved once here,
    /// and only when every address it resolves to is allowed. Connecting to this address, not
    /// the name again, leaves no moment in which the name could be re-pointed at a blocked
    /// address (DNS rebinding). For peers reached outside ``ConnectorHTTPClient`` (IMAP), which
    /// does the same on every connection itself.
    public func allowedAddress(forHost host: String) async -> Result<IPAddress, HostRefusal> {
        if let literal = IPAddress(host) {
            return blockReason(for: literal).map { .failure(HostRefusal(reason: $0)) } ?? .success(literal)
        }
        let addresses: [IPAddress]
        do {
            addresses = try await OutboundAddressResolver().resolve(
                host, on: MultiThreadedEventLoopGroup.singleton.next())
        } catch {
            return .failure(HostRefusal(reason: "\(host) does not resolve"))
        }
        for address in addresses {
            if let reason = blockReason(for: address) {
                return .failure(HostRefusal(reason: "\(host) resolves to \(address): \(reason)"))
            }
        }
        guard let first = addresses.first else { return .failure(HostRefusal(reason: "\(host) does not resolve")) }
        return .success(first)
    }
}
