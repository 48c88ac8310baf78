/// Which network destinations outbound connector requests may reach: the guard against
/// server-side request forgery (SSRF), where a tenant's webhook URL points at our own network.
///
/// ``ConnectorHTTPClient`` resolves every host itself, asks this policy about EVERY address the
/// name resolves to, and then connects to the address it checked, never to the name again (a
/// second lookup could answer differently: DNS rebinding). It asks again on every redirect.
///
/// An address is judged in this order; the first rule that applies decides:
/// 1. Never reachable, whatever the configuration: unspecified (`0.0.0.0/8`, `::`), multicast
///    and broadcast. None is a host one can talk TCP to, and Linux treats `0.0.0.0` as itself.
/// 2. The ``denyList``: blocked.
/// 3. The ``allowList``: allowed (e.g. `127.0.0.1/32` for tests, a partner's VPN range).
/// 4. A 6to4 address (`2002::/16`) is blocked when the IPv4 address it embeds is.
/// 5. ``Mode/shared``: the private, loopback, link-local, shared, documentation, benchmarking
///    and reserved ranges are blocked (see `OutboundAddressPolicy+ReservedRanges.swift`).
///    ``Mode/selfHosted``: only the clouds' metadata endpoints (`169.254.169.254` and friends),
///    where a request could fetch the host's cloud credentials.
/// 6. Everything else is allowed.
///
/// IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) are judged as the IPv4 address they carry,
/// because that is where a socket connected to them goes.
public struct OutboundAddressPolicy: Sendable, Hashable {
    /// How much of the network a tenant's connector may reach.
    public enum Mode: Sendable, Hashable {
        /// A shared (SaaS) deployment: tenants must not reach anything but the public internet.
        case shared
        /// A deployment run by one organisation for itself: its connectors may reach its own
        /// network (an ERP on 10.x), except what the deny-list names and the cloud metadata
        /// endpoints.
        case selfHosted
    }

    /// How much of the network is reachable before the lists apply.
    public var mode: Mode
    /// Blocks that are reachable even though the mode blocks them; the deny-list still wins.
    public var allowList: [IPAddressRange]
    /// Blocks that are never reachable, in either mode.
    public var denyList: [IPAddressRange]
    /// The ports requests may go to; `nil` allows any port.
    public var allowedPorts: Set<Int>?

    /// Creates a policy; the default is the strict one for a shared deployment.
    public init(
        mode: Mode = .shared, allowList: [IPAddressRange] = [], denyList: [IPAddressRange] = [],
        allowedPorts: Set<Int>? = nil
    ) {
        self.mode = mode
        self.allowList = allowList
        self.denyList = denyList
        self.allowedPorts = allowedPorts
    }

    /// Why `address` must not be connected to, or `nil` when it may be.
    ///
    /// The reason names the address and the rule, e.g. `127.0.0.1 is loopback (127.0.0.0/8)`,
    /// and is meant for the delivery log and the tenant's error message.
    public func blockReason(for address: IPAddress) -> String? {
        let address = address.mappedIPv4.map(IPAddress.v4) ?? address
        if let rule = Self.neverReachable.first(where: { $0.range.contains(address) }) {
            return "\(address) is \(rule.reason) (\(rule.range))"
        }
        if let range = denyList.first(where: { $0.contains(address) }) {
            return "\(address) is in the denied range \(range)"
        }
        if allowList.contains(where: { $0.contains(address) }) {
            return nil
        }
        if let embedded = address.sixToFourIPv4, let reason = blockReason(for: .v4(embedded)) {
            return "\(address) is a 6to4 address for \(IPAddress.v4(embedded)), and \(reason)"
        }
        let rules = mode == .shared ? Self.sharedModeBlocked : Self.cloudMetadata
        if let rule = rules.first(where: { $0.range.contains(address) }) {
            return "\(address) is \(rule.reason) (\(rule.range))"
        }
        return nil
    }

    /// Why `port` must not be connected to, or `nil` when it may be.
    public func blockReason(forPort port: Int) -> String? {
        guard let allowedPorts, !allowedPorts.contains(port) else { return nil }
        return
            "port \(port) is not allowed (allowed: \(allowedPorts.sorted().map(String.init).joined(separator: ", ")))"
    }
}
