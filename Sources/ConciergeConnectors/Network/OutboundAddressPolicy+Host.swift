import NIOCore
import NIOPosix

extension OutboundAddressPolicy {
    /// Why a connection to `host` (a name or an address literal) must not be made: one of its
    /// addresses is blocked, or it does not resolve; `nil` when it may. For peers reached
    /// outside ``ConnectorHTTPClient`` (IMAP), which checks on every connection itself.
    public func blockReason(forHost host: String) async -> String? {
        if let literal = IPAddress(host) { return blockReason(for: literal) }
        let addresses: [IPAddress]
        do {
            addresses = try await OutboundAddressResolver().resolve(
                host, on: MultiThreadedEventLoopGroup.singleton.next())
        } catch {
            return "\(host) does not resolve"
        }
        for address in addresses {
            if let reason = blockReason(for: address) { return "\(host) resolves to \(address): \(reason)" }
        }
        return nil
    }
}
