extension OutboundAddressPolicy {
    /// One special-purpose block and what it is, for the reason in a refusal.
    struct ReservedRange: Sendable {
        let range: IPAddressRange
        let reason: String

        init(_ cidr: String, _ reason: String) {
            // The tables below are literals checked by the tests; a typo must fail loudly.
            guard let range = IPAddressRange(cidr) else { preconditionFailure("bad CIDR literal \(cidr)") }
            self.range = range
            self.reason = reason
        }
    }

    /// Not a destination at all, in any mode and whatever the allow-list says.
    static let neverReachable: [ReservedRange] = [
        ReservedRange("0.0.0.0/8", "\"this network\", which reaches the local host"),
        ReservedRange("224.0.0.0/4", "multicast"),
        ReservedRange("255.255.255.255/32", "broadcast"),
        ReservedRange("::/128", "the unspecified address, which reaches the local host"),
        ReservedRange("ff00::/8", "multicast"),
    ]

    /// Blocked in a shared deployment: everything that is not the public internet (the IANA
    /// special-purpose registries). The metadata endpoints come first so that the reason for
    /// `169.254.169.254` names them rather than just link-local.
    static let sharedModeBlocked: [ReservedRange] =
        cloudMetadata + [
            ReservedRange("10.0.0.0/8", "private"),
            ReservedRange("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
            ReservedRange("127.0.0.0/8", "loopback"),
            ReservedRange("169.254.0.0/16", "link-local (cloud metadata lives here)"),
            ReservedRange("172.16.0.0/12", "private"),
            ReservedRange("192.0.0.0/24", "IETF protocol assignments"),
            ReservedRange("192.0.2.0/24", "documentation (TEST-NET-1)"),
            ReservedRange("192.88.99.0/24", "the deprecated 6to4 relay anycast"),
            ReservedRange("192.168.0.0/16", "private"),
            ReservedRange("198.18.0.0/15", "benchmarking"),
            ReservedRange("198.51.100.0/24", "documentation (TEST-NET-2)"),
            ReservedRange("203.0.113.0/24", "documentation (TEST-NET-3)"),
            ReservedRange("240.0.0.0/4", "reserved"),
            ReservedRange("::1/128", "loopback"),
            ReservedRange("::/96", "IPv4-compatible (deprecated)"),
            ReservedRange("::ffff:0:0:0/96", "IPv4-translated"),
            ReservedRange("64:ff9b::/96", "NAT64, which reaches IPv4 hosts through a translator"),
            ReservedRange("64:ff9b:1::/48", "local-use NAT64"),
            ReservedRange("100::/64", "discard-only"),
            ReservedRange("2001::/32", "Teredo, which tunnels to an IPv4 host"),
            ReservedRange("2001:db8::/32", "documentation"),
            ReservedRange("fc00::/7", "unique local (private)"),
            ReservedRange("fe80::/10", "link-local"),
            ReservedRange("fec0::/10", "site-local (deprecated, private)"),
        ]

    /// The clouds' instance metadata endpoints, which hand out the host's credentials: blocked
    /// in a self-hosted deployment too, unless allow-listed.
    static let cloudMetadata: [ReservedRange] = [
        ReservedRange("169.254.169.254/32", "a cloud metadata endpoint (AWS, GCP, Azure, OpenStack)"),
        ReservedRange("169.254.170.2/32", "a cloud metadata endpoint (AWS ECS task credentials)"),
        ReservedRange("169.254.0.23/32", "a cloud metadata endpoint (Tencent Cloud)"),
        ReservedRange("100.100.100.200/32", "a cloud metadata endpoint (Alibaba Cloud)"),
        ReservedRange("fd00:ec2::254/128", "a cloud metadata endpoint (AWS, IPv6)"),
    ]
}
