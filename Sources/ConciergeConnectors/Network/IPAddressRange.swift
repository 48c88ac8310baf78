/// A CIDR block such as `10.0.0.0/8` or `fc00::/7`, for the allow- and deny-lists of
/// ``OutboundAddressPolicy``.
///
/// Host bits after the prefix are cleared (`10.1.2.3/8` is `10.0.0.0/8`), and an IPv4-mapped
/// IPv6 block (`::ffff:10.0.0.0/104`) becomes the IPv4 block it means, because the policy judges
/// mapped addresses as IPv4.
public struct IPAddressRange: Sendable, Hashable, CustomStringConvertible {
    /// The first address of the block.
    public let address: IPAddress
    /// The number of leading bits that are fixed: 0–32 for IPv4, 0–128 for IPv6.
    public let prefixLength: Int

    /// Parses `a.b.c.d/n`, `x::y/n` or a single address (a /32 or /128); `nil` when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPAddress(String(parts[0])) else { return nil }
        let maximum = address.isIPv6 ? 128 : 32
        var prefixLength = maximum
        if parts.count == 2 {
            guard (1...3).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isWholeNumber }),
                let length = Int(parts[1])
            else { return nil }
            prefixLength = length
        }
        self.init(address: address, prefixLength: prefixLength)
    }

    /// The block of `prefixLength` bits starting at `address`; `nil` when the length is out of range.
    public init?(address: IPAddress, prefixLength: Int) {
        switch address {
        case .v4(let value):
            guard (0...32).contains(prefixLength) else { return nil }
            self.address = .v4(value & Self.mask32(prefixLength))
            self.prefixLength = prefixLength
        case .v6(let high, let low):
            guard (0...128).contains(prefixLength) else { return nil }
            if let mapped = address.mappedIPv4, prefixLength >= 96 {
                self.address = .v4(mapped & Self.mask32(prefixLength - 96))
                self.prefixLength = prefixLength - 96
            } else {
                self.address = .v6(
                    high: high & Self.mask64(min(prefixLength, 64)), low: low & Self.mask64(max(prefixLength - 64, 0)))
                self.prefixLength = prefixLength
            }
        }
    }

    /// Whether `candidate` lies in this block. An IPv4-mapped IPv6 address counts as the IPv4
    /// address it carries; otherwise IPv4 addresses are never in IPv6 blocks and vice versa.
    public func contains(_ candidate: IPAddress) -> Bool {
        switch (address, candidate.mappedIPv4.map(IPAddress.v4) ?? candidate) {
        case (.v4(let network), .v4(let value)):
            return value & Self.mask32(prefixLength) == network
        case (.v6(let networkHigh, let networkLow), .v6(let high, let low)):
            return high & Self.mask64(min(prefixLength, 64)) == networkHigh
                && low & Self.mask64(max(prefixLength - 64, 0)) == networkLow
        default:
            return false
        }
    }

    /// `address/prefixLength` in canonical form.
    public var description: String { "\(address)/\(prefixLength)" }

    /// The top `bits` bits set.
    private static func mask32(_ bits: Int) -> UInt32 { bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits) }
    private static func mask64(_ bits: Int) -> UInt64 { bits == 0 ? 0 : ~UInt64(0) << UInt64(64 - bits) }
}
