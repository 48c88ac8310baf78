import ConciergeCore
import Testing

@Suite("SecretToken")
struct SecretTokenTests {
    static let urlSafe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    @Test(arguments: ["cst_", "csess_", "", "租户_"])
    func secretIsPrefixPlusFortyThreeURLSafeCharacters(_ prefix: String) {
        // when
        let secret = SecretToken.generate(prefix: prefix)
        // then
        #expect(secret.hasPrefix(prefix))
        let body = secret.dropFirst(prefix.count)
        #expect(body.count == 43)
        #expect(body.allSatisfy { Self.urlSafe.contains($0) })
    }

    @Test func secretsAreUniqueAcrossAThousand() {
        let secrets = (0..<1000).map { _ in SecretToken.generate(prefix: "cst_") }
        #expect(Set(secrets).count == 1000)
    }

    @Test func secretsUseOnlyTheURLSafeAlphabetAndNoPadding() {
        // given a thousand secrets, every alphabet character is likely to appear
        let characters = Set((0..<1000).flatMap { _ in SecretToken.generate(prefix: "") })
        // then
        #expect(characters.isSubset(of: Self.urlSafe))
        #expect(!characters.contains("+"))
        #expect(!characters.contains("/"))
        #expect(!characters.contains("="))
        #expect(characters.contains("-") || characters.contains("_"))
    }

    @Test(arguments: ["", "abc", "cst_secret", "租户令牌", String(repeating: "x", count: 10_000)])
    func digestIsThirtyTwoBytesAndStable(_ secret: String) {
        let first = SecretToken.digest(secret)
        #expect(first.count == 32)
        #expect(SecretToken.digest(secret) == first)
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ])
    func digestIsSHA256OfTheUTF8Bytes(_ secret: String, _ expectedHex: String) {
        #expect(Self.hex(SecretToken.digest(secret)) == expectedHex)
    }

    @Test func differentSecretsHaveDifferentDigests() {
        let secrets = (0..<200).map { _ in SecretToken.generate(prefix: "cst_") }
        #expect(Set(secrets.map { Self.hex(SecretToken.digest($0)) }).count == 200)
        #expect(SecretToken.digest("a") != SecretToken.digest("A"))
    }

    @Test(arguments: [
        ("", "", true),
        ("abc", "abc", true),
        ("租户令牌", "租户令牌", true),
        ("abc", "abd", false),
        ("abc", "ABC", false),
        ("abc", "abcd", false),
        ("abcd", "abc", false),
        ("", "a", false),
        ("é", "e\u{301}", false),  // canonically equivalent, different bytes
    ])
    func constantTimeEqualityComparesBytes(_ a: String, _ b: String, _ equal: Bool) {
        #expect(SecretToken.equalInConstantTime(a, b) == equal)
        #expect(SecretToken.equalInConstantTime(b, a) == equal)
    }

    @Test func constantTimeEqualityMatchesAGeneratedSecretOnlyWithItself() {
        let secret = SecretToken.generate(prefix: "csrf_")
        #expect(SecretToken.equalInConstantTime(secret, secret))
        #expect(!SecretToken.equalInConstantTime(secret, SecretToken.generate(prefix: "csrf_")))
        #expect(!SecretToken.equalInConstantTime(secret, String(secret.dropLast()) + "!"))
    }
}
