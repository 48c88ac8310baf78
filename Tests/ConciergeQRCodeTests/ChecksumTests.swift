import Testing

@testable import ConciergeQRCode

@Suite("Checksums")
struct ChecksumTests {
    @Test("CRC-32 check values")
    func crc32() {
        // given / when / then
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
    }

    @Test("Adler-32 check values")
    func adler32() {
        // given / when / then
        #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Adler32.checksum([]) == 1)
    }

    @Test("Adler-32 stays exact over long inputs that need intermediate reduction")
    func adler32LongInput() {
        // given
        let bytes = [UInt8](repeating: 0xFF, count: 100_000) + (0..<70_000).map { UInt8($0 % 251) }

        // when
        let checksum = Adler32.checksum(bytes)

        // then: compare with reducing after every byte
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        #expect(checksum == b << 16 | a)
    }
}
