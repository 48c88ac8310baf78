/// An IPv4 or IPv6 address, as the outbound address policy judges it.
///
/// The text forms are strict: ``init(_:)`` accepts only dotted-quad IPv4 with decimal parts
/// and IPv6 without brackets or zone. The odd forms a URL may carry (`2130706433`,
/// `0177.0.0.1`, `127.1`) are normalised by the URL parser, never here, so a configuration
/// file cannot mean something other than what it looks like.
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// An IPv4 address, most significant octet in the high bits (`127.0.0.1` is `0x7F00_0001`).
    case v4(UInt32)
    /// An IPv6 address as two 64-bit halves, most significant first.
    case v6(high: UInt64, low: UInt64)

    /// Parses `127.0.0.1` or `2001:db8::1` (also `::ffff:192.0.2.1`); `nil` for anything else.
    public init?(_ text: String) {
        if let v4 = Self.parseStrictIPv4(Substring(text)) {
            self = .v4(v4)
        } else if let v6 = Self.parseIPv6(Substring(text)) {
            self = .v6(high: v6.high, low: v6.low)
        } else {
            return nil
        }
    }

    /// Builds an address from its 4 or 16 bytes in network order, as the resolver returns them.
    init?(bytes: some Collection<UInt8>) {
        switch bytes.count {
        case 4:
            self = .v4(bytes.reduce(0) { $0 << 8 | UInt32($1) })
        case 16:
            let high = bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
            let low = bytes.dropFirst(8).reduce(0) { $0 << 8 | UInt64($1) }
            self = .v6(high: high, low: low)
        default:
            return nil
        }
    }

    /// Whether this is an IPv6 address.
    public var isIPv6: Bool {
        if case .v6 = self { return true }
        return false
    }

    /// The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`).
    ///
    /// A socket connected to such an address talks IPv4 to the embedded address, so the policy
    /// judges it as that IPv4 address.
    var mappedIPv4: UInt32? {
        guard case .v6(let high, let low) = self, high == 0, low >> 32 == 0xFFFF else { return nil }
        return UInt32(truncatingIfNeeded: low)
    }

    /// The IPv4 address of the 6to4 router a `2002:WWXX:YYZZ::/48` address leads to.
    var sixToFourIPv4: UInt32? {
        guard case .v6(let high, _) = self, high >> 48 == 0x2002 else { return nil }
        return UInt32(truncatingIfNeeded: high >> 16)
    }

    /// The canonical text: dotted quad, or RFC 5952 IPv6 (lower case, longest zero run as `::`,
    /// IPv4-mapped addresses as `::ffff:a.b.c.d`).
    public var description: String {
        switch self {
        case .v4(let value):
            return Self.dottedQuad(value)
        case .v6:
            if let mapped = mappedIPv4 { return "::ffff:" + Self.dottedQuad(mapped) }
            return Self.compressedIPv6(groups)
        }
    }

    /// The eight 16-bit groups of an IPv6 address; empty for IPv4.
    var groups: [UInt16] {
        guard case .v6(let high, let low) = self else { return [] }
        return [high, low].flatMap { half in
            stride(from: 48, through: 0, by: -16).map { UInt16(truncatingIfNeeded: half >> UInt64($0)) }
        }
    }

    static func dottedQuad(_ value: UInt32) -> String {
        stride(from: 24, through: 0, by: -8).map { String((value >> UInt32($0)) & 0xFF) }.joined(separator: ".")
    }

    private static func compressedIPv6(_ groups: [UInt16]) -> String {
        // RFC 5952 §4.2: the longest run of two or more zero groups, the first of equal runs.
        var best = (start: -1, length: 0)
        var index = 0
        while index < groups.count {
            guard groups[index] == 0 else {
                index += 1
                continue
            }
            let start = index
            while index < groups.count, groups[index] == 0 { index += 1 }
            if index - start > best.length, index - start >= 2 { best = (start, index - start) }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard best.start >= 0 else { return hex.joined(separator: ":") }
        let head = hex[..<best.start].joined(separator: ":")
        let tail = hex[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }
}
