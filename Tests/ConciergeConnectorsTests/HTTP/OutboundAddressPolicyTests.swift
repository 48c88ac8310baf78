import ConciergeConnectors
import Testing

@Suite("OutboundAddressPolicy keeps connectors off internal networks")
struct OutboundAddressPolicyTests {
    /// Every blocked range of a shared deployment: its first and last address, and the
    /// neighbours just outside it, which must stay reachable.
    static let sharedModeBoundaries: [(address: String, isBlocked: Bool)] = [
        ("0.0.0.0", true), ("0.255.255.255", true), ("1.0.0.0", false),
        ("9.255.255.255", false), ("10.0.0.0", true), ("10.255.255.255", true), ("11.0.0.0", false),
        ("100.63.255.255", false), ("100.64.0.0", true), ("100.127.255.255", true), ("100.128.0.0", false),
        ("126.255.255.255", false), ("127.0.0.0", true), ("127.0.0.1", true), ("127.255.255.255", true),
        ("128.0.0.0", false),
        ("169.253.255.255", false), ("169.254.0.0", true), ("169.254.169.254", true), ("169.254.255.255", true),
        ("169.255.0.0", false),
        ("172.15.255.255", false), ("172.16.0.0", true), ("172.31.255.255", true), ("172.32.0.0", false),
        ("191.255.255.255", false), ("192.0.0.0", true), ("192.0.0.255", true), ("192.0.1.0", false),
        ("192.0.1.255", false), ("192.0.2.0", true), ("192.0.2.255", true), ("192.0.3.0", false),
        ("192.88.98.255", false), ("192.88.99.0", true), ("192.88.99.255", true), ("192.88.100.0", false),
        ("192.167.255.255", false), ("192.168.0.0", true), ("192.168.255.255", true), ("192.169.0.0", false),
        ("198.17.255.255", false), ("198.18.0.0", true), ("198.19.255.255", true), ("198.20.0.0", false),
        ("198.51.99.255", false), ("198.51.100.0", true), ("198.51.100.255", true), ("198.51.101.0", false),
        ("203.0.112.255", false), ("203.0.113.0", true), ("203.0.113.255", true), ("203.0.114.0", false),
        ("223.255.255.255", false), ("224.0.0.0", true), ("239.255.255.255", true),
        ("240.0.0.0", true), ("255.255.255.254", true), ("255.255.255.255", true),
        ("8.8.8.8", false), ("223.5.5.5", false), ("140.205.0.1", false),
        // IPv6
        ("::", true), ("::1", true), ("::2", true), ("::7f00:1", true),
        ("2001:4860:4860::8888", false), ("2400:3200::1", false),
        ("fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false), ("fc00::", true),
        ("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true),
        ("fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false), ("fe80::", true), ("fe80::1", true),
        ("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true), ("fec0::1", true),
        ("feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true), ("ff00::", true), ("ff02::1", true),
        ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true),
        ("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", false), ("2001:db8::", true),
        ("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", true), ("2001:db9::", false),
        ("64:ff9a:ffff:ffff:ffff:ffff:ffff:ffff", false), ("64:ff9b::", true), ("64:ff9b::808:808", true),
        ("64:ff9b::ffff:ffff", true), ("64:ff9b:0:0:0:1::", false), ("64:ff9b:1::1", true),
        ("100::1", true), ("2001:0:4136:e378:8000:63bf:3fff:fdd2", true),
        ("fd00:ec2::254", true),
        // IPv4-mapped: judged as the IPv4 address they carry.
        ("::ffff:127.0.0.1", true), ("::ffff:10.0.0.1", true), ("::ffff:169.254.169.254", true),
        ("::ffff:0.0.0.0", true), ("::ffff:8.8.8.8", false), ("::ffff:100.64.0.1", true),
        ("::ffff:0:7f00:1", true),
        // 6to4: judged by the IPv4 address they embed.
        ("2002:7f00:1::", true), ("2002:a9fe:a9fe::1", true), ("2002:c0a8:101::", true), ("2002::", true),
        ("2002:a00:1::", true), ("2002:808:808::1", false), ("2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false),
    ]

    @Test(arguments: sharedModeBoundaries)
    func sharedModeBlocksEveryReservedRangeAndNothingNextToIt(address: String, isBlocked: Bool) throws {
        // given
        let policy = OutboundAddressPolicy(mode: .shared)

        // when
        let reason = policy.blockReason(for: try #require(IPAddress(address)))

        // then
        #expect((reason != nil) == isBlocked, "\(address): \(reason ?? "allowed")")
    }

    @Test(arguments: [
        ("127.0.0.1", "127.0.0.1 is loopback (127.0.0.0/8)"),
        (
            "169.254.169.254",
            "169.254.169.254 is a cloud metadata endpoint (AWS, GCP, Azure, OpenStack) (169.254.169.254/32)"
        ),
        ("::ffff:10.1.2.3", "10.1.2.3 is private (10.0.0.0/8)"),
        ("2002:7f00:1::", "2002:7f00:1:: is a 6to4 address for 127.0.0.1, and 127.0.0.1 is loopback (127.0.0.0/8)"),
        ("100.100.100.200", "100.100.100.200 is a cloud metadata endpoint (Alibaba Cloud) (100.100.100.200/32)"),
    ])
    func reasonNamesTheAddressAndTheRule(address: String, expected: String) throws {
        let reason = OutboundAddressPolicy().blockReason(for: try #require(IPAddress(address)))
        #expect(reason == expected)
    }

    @Test(arguments: [
        ("127.0.0.1", false), ("::ffff:127.0.0.1", false), ("127.0.0.2", true), ("::1", true),
        ("10.0.0.1", true),
    ])
    func allowListOpensExactlyTheListedRange(address: String, isBlocked: Bool) throws {
        // given
        let policy = OutboundAddressPolicy(mode: .shared, allowList: [try #require(IPAddressRange("127.0.0.1/32"))])

        // then
        #expect((policy.blockReason(for: try #require(IPAddress(address))) != nil) == isBlocked)
    }

    @Test(arguments: ["0.0.0.0", "0.1.2.3", "224.0.0.1", "239.1.1.1", "255.255.255.255", "::", "ff02::1"])
    func allowListCannotOpenAddressesThatAreNoDestination(address: String) throws {
        // given: everything allow-listed, in both modes
        let everything = [try #require(IPAddressRange("0.0.0.0/0")), try #require(IPAddressRange("::/0"))]
        for mode in [OutboundAddressPolicy.Mode.shared, .selfHosted] {
            let policy = OutboundAddressPolicy(mode: mode, allowList: everything)

            // then
            #expect(policy.blockReason(for: try #require(IPAddress(address))) != nil, "\(mode)")
        }
    }

    @Test func denyListWinsOverAllowList() throws {
        // given
        let policy = OutboundAddressPolicy(
            mode: .shared, allowList: [try #require(IPAddressRange("10.0.0.0/8"))],
            denyList: [try #require(IPAddressRange("10.1.0.0/16"))])

        // then
        #expect(policy.blockReason(for: try #require(IPAddress("10.2.0.1"))) == nil)
        #expect(
            policy.blockReason(for: try #require(IPAddress("10.1.2.3")))
                == "10.1.2.3 is in the denied range 10.1.0.0/16")
        #expect(policy.blockReason(for: try #require(IPAddress("::ffff:10.1.2.3"))) != nil)
    }

    @Test(arguments: [
        ("10.0.0.1", false), ("127.0.0.1", false), ("192.168.1.10", false), ("172.16.5.5", false),
        ("100.64.0.1", false), ("169.254.1.1", false), ("::1", false), ("fd12:3456::1", false), ("fe80::1", false),
        ("8.8.8.8", false), ("169.254.169.254", true), ("::ffff:169.254.169.254", true),
        ("2002:a9fe:a9fe::", true), ("169.254.170.2", true), ("169.254.0.23", true), ("100.100.100.200", true),
        ("fd00:ec2::254", true), ("0.0.0.0", true), ("224.0.0.1", true), ("::", true),
    ])
    func selfHostedModeBlocksOnlyMetadataAndNonDestinations(address: String, isBlocked: Bool) throws {
        // given
        let policy = OutboundAddressPolicy(mode: .selfHosted)

        // then
        let reason = policy.blockReason(for: try #require(IPAddress(address)))
        #expect((reason != nil) == isBlocked, "\(address): \(reason ?? "allowed")")
    }

    @Test func selfHostedModeHonoursItsDenyListAndAnExplicitMetadataAllowance() throws {
        // given
        let policy = OutboundAddressPolicy(
            mode: .selfHosted, allowList: [try #require(IPAddressRange("169.254.169.254/32"))],
            denyList: [try #require(IPAddressRange("10.0.0.0/8")), try #require(IPAddressRange("fd00::/8"))])

        // then
        #expect(policy.blockReason(for: try #require(IPAddress("10.9.9.9"))) != nil)
        #expect(policy.blockReason(for: try #require(IPAddress("::ffff:10.9.9.9"))) != nil)
        #expect(policy.blockReason(for: try #require(IPAddress("fd12::1"))) != nil)
        #expect(policy.blockReason(for: try #require(IPAddress("192.168.1.1"))) == nil)
        #expect(policy.blockReason(for: try #require(IPAddress("169.254.169.254"))) == nil)
    }

    @Test func portsAreAllOpenUnlessConfigured() {
        // given
        let open = OutboundAddressPolicy()
        let webOnly = OutboundAddressPolicy(allowedPorts: [443, 80])

        // then
        #expect(open.blockReason(forPort: 22) == nil)
        #expect(webOnly.blockReason(forPort: 443) == nil)
        #expect(webOnly.blockReason(forPort: 22) == "port 22 is not allowed (allowed: 80, 443)")
    }

    @Test func aHostIsResolvedOnceToAnAllowedAddressToConnectTo() async throws {
        // given a shared deployment that allows loopback only for tests
        let policy = OutboundAddressPolicy(mode: .shared, allowList: [try #require(IPAddressRange("127.0.0.1/32"))])
        let strict = OutboundAddressPolicy(mode: .shared)

        // then an allowed address gives the address to use
        #expect(try await policy.allowedAddress(forHost: "127.0.0.1").get() == IPAddress("127.0.0.1"))
        // and a blocked one, or one that does not resolve, gives the reason instead
        guard case .failure(let refusal) = await strict.allowedAddress(forHost: "localhost") else {
            Issue.record("localhost allowed in the shared mode")
            return
        }
        // (to 127.0.0.1 or ::1, as /etc/hosts has it: both are loopback)
        #expect(refusal.reason.hasPrefix("localhost resolves to "))
        guard case .failure(let missing) = await strict.allowedAddress(forHost: "no-such-host.invalid") else {
            Issue.record("an unresolvable name allowed")
            return
        }
        #expect(missing.reason == "no-such-host.invalid does not resolve")
    }
}
