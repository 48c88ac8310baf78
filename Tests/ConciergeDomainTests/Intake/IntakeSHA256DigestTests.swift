import Testing

@testable import ConciergeDomain

@Suite("SHA-256 and HMAC-SHA256 against the standard vectors")
struct IntakeSHA256DigestTests {
    private func hex(_ text: String) -> [UInt8] {
        let digits = Array(text.utf8)
        return stride(from: 0, to: digits.count, by: 2).compactMap { start in
            UInt8(String(decoding: digits[start..<start + 2], as: UTF8.self), radix: 16)
        }
    }

    @Test("SHA-256 of \"abc\" (FIPS 180-4 one-block example)")
    func oneBlockMessage() {
        // given / when
        let digest = SHA256Digest.hash(Array("abc".utf8))
        // then
        #expect(HMACSHA256.hex(digest) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("SHA-256 of the empty message")
    func emptyMessage() {
        #expect(
            HMACSHA256.hex(SHA256Digest.hash([]))
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("SHA-256 of the 448-bit message spanning two blocks")
    func twoBlockMessage() {
        // given: 56 bytes, so the padding needs a second block
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        // when
        let digest = SHA256Digest.hash(message)
        // then
        #expect(HMACSHA256.hex(digest) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("SHA-256 across block-size boundaries matches between 55 and 65 bytes")
    func paddingBoundaries() {
        // given: lengths around the 56-byte padding edge and the 64-byte block
        // then: each digest has 32 bytes and differs from its neighbours
        let digests = (55...65).map { SHA256Digest.hash([UInt8](repeating: 0x61, count: $0)) }
        #expect(digests.allSatisfy { $0.count == 32 })
        #expect(Set(digests.map(HMACSHA256.hex)).count == digests.count)
    }

    @Test(
        "HMAC-SHA256 RFC 4231 test cases 1, 2, 4, 6 and 7",
        arguments: [
            (
                String(repeating: "0b", count: 20), Array("Hi There".utf8),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
            ),
            (
                "4a656665", Array("what do ya want for nothing?".utf8),
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
            ),
            (
                "0102030405060708090a0b0c0d0e0f10111213141516171819",
                [UInt8](repeating: 0xcd, count: 50),
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
            ),
            (
                String(repeating: "aa", count: 131),
                Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
            ),
            (
                String(repeating: "aa", count: 131),
                Array(
                    ("This is a test using a larger than block-size key and a larger than block-size data. "
                        + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
            ),
        ])
    func rfc4231(keyHex: String, message: [UInt8], expected: String) {
        // when
        let code = HMACSHA256.authenticationCode(for: message, key: hex(keyHex))
        // then
        #expect(HMACSHA256.hex(code) == expected)
    }

    @Test("constant-time comparison tells equal from different and different lengths")
    func constantTimeEqual() {
        #expect(HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2]))
    }
}
