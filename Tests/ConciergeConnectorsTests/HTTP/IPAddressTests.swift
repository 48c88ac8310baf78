import ConciergeConnectors
import Testing

@Suite("IPAddress and IPAddressRange parse strictly")
struct IPAddressTests {
    @Test(arguments: [
        ("0.0.0.0", "0.0.0.0"),
        ("255.255.255.255", "255.255.255.255"),
        ("192.0.2.1", "192.0.2.1"),
        ("::", "::"),
        ("::1", "::1"),
        ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("1:0:0:1:0:0:0:1", "1:0:0:1::1"),
        ("1:0:0:2:0:0:3:4", "1::2:0:0:3:4"),
        ("1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7"),
        ("1::", "1::"),
        ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
        ("fe80::1", "fe80::1"),
        ("::ffff:192.0.2.1", "::ffff:192.0.2.1"),
        ("::ffff:c000:201", "::ffff:192.0.2.1"),
        ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
    ])
    func canonicalTextIsParsedAndPrintedCanonically(text: String, canonical: String) throws {
        // when
        let address = try #require(IPAddress(text))

        // then
        #expect(address.description == canonical)
        #expect(IPAddress(canonical) == address)
    }

    @Test(arguments: [
        "", "256.0.0.1", "01.2.3.4", "1.2.3", "1.2.3.4.5", "127.1", "0x7f.0.0.1", "2130706433", "1.2.3.4 ",
        "1:2:3:4:5:6:7:8:9", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "12345::", "g::1", "[::1]",
        "fe80::1%eth0", "::1/128", "1:2:3:4:5:6:7:8::", "::ffff:1.2.3", "::ffff:01.2.3.4", "１.２.３.４", "::ｆ",
    ])
    func nonCanonicalOrMalformedTextIsRefused(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test(arguments: [
        ("10.0.0.0/8", "10.0.0.0/8"),
        ("10.1.2.3/8", "10.0.0.0/8"),
        ("127.0.0.1", "127.0.0.1/32"),
        ("0.0.0.0/0", "0.0.0.0/0"),
        ("fc00::/7", "fc00::/7"),
        ("fdff::1/7", "fc00::/7"),
        ("::1", "::1/128"),
        ("::ffff:10.0.0.0/104", "10.0.0.0/8"),
        ("2001:db8::/32", "2001:db8::/32"),
    ])
    func rangeIsNormalised(text: String, canonical: String) throws {
        #expect(try #require(IPAddressRange(text)).description == canonical)
    }

    @Test(arguments: ["10.0.0.0/33", "::/129", "10.0.0.0/", "/8", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0/8", "x/8"])
    func malformedRangeIsRefused(text: String) {
        #expect(IPAddressRange(text) == nil)
    }

    @Test(arguments: [
        ("10.0.0.0/8", "9.255.255.255", false),
        ("10.0.0.0/8", "10.0.0.0", true),
        ("10.0.0.0/8", "10.255.255.255", true),
        ("10.0.0.0/8", "11.0.0.0", false),
        ("0.0.0.0/0", "255.255.255.255", true),
        ("10.0.0.0/8", "::ffff:10.1.2.3", true),
        ("10.0.0.0/8", "::a01:203", false),
        ("fe80::/10", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true),
        ("fe80::/10", "fec0::", false),
        ("2001:db8::/32", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", true),
        ("2001:db8::/32", "2001:db9::", false),
        ("::/0", "10.0.0.1", false),
        ("1:2:3:4:5:6:7:8/128", "1:2:3:4:5:6:7:8", true),
        ("1:2:3:4:5:6:7:8/128", "1:2:3:4:5:6:7:9", false),
    ])
    func rangeContainsExactlyItsAddresses(range: String, address: String, contained: Bool) throws {
        let range = try #require(IPAddressRange(range))
        #expect(range.contains(try #require(IPAddress(address))) == contained)
    }
}
