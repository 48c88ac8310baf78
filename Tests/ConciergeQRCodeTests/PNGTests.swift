import Testing

@testable import ConciergeQRCode

@Suite("PNG output")
struct PNGTests {
    private struct Chunk {
        let type: String
        let data: [UInt8]
        let crcIsValid: Bool
    }

    private func bigEndian(_ bytes: some Collection<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }

    private func chunks(of png: [UInt8]) -> [Chunk] {
        var result: [Chunk] = []
        var offset = 8
        while offset < png.count {
            let length = bigEndian(png[offset..<offset + 4])
            let typeAndData = Array(png[offset + 4..<offset + 8 + length])
            let crc = bigEndian(png[offset + 8 + length..<offset + 12 + length])
            let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
            result.append(
                Chunk(
                    type: type, data: Array(typeAndData.dropFirst(4)), crcIsValid: crc == CRC32.checksum(typeAndData)))
            offset += 12 + length
        }
        return result
    }

    /// Reassembles the payload of a zlib stream made only of stored blocks, checking headers and Adler-32.
    private func inflateStored(_ stream: [UInt8]) throws -> (payload: [UInt8], blockLengths: [Int]) {
        #expect(Array(stream.prefix(2)) == [0x78, 0x01])
        #expect((Int(stream[0]) << 8 | Int(stream[1])) % 31 == 0)
        var payload: [UInt8] = []
        var blockLengths: [Int] = []
        var offset = 2
        var isFinal = false
        while !isFinal {
            isFinal = stream[offset] & 1 == 1
            try #require(stream[offset] >> 1 == 0, "only stored blocks expected")
            let length = Int(stream[offset + 1]) | Int(stream[offset + 2]) << 8
            let complement = Int(stream[offset + 3]) | Int(stream[offset + 4]) << 8
            #expect(length ^ complement == 0xFFFF)
            payload += stream[offset + 5..<offset + 5 + length]
            blockLengths.append(length)
            offset += 5 + length
        }
        #expect(bigEndian(stream[offset..<offset + 4]) == Int(Adler32.checksum(payload)))
        #expect(offset + 4 == stream.count)
        return (payload, blockLengths)
    }

    @Test("PNG has the signature, a 1-bit grayscale IHDR and valid chunk CRCs")
    func structure() throws {
        // given
        let code = try QRCode.encode("HELLO WORLD")

        // when
        let png = code.png()
        let parsed = chunks(of: png)

        // then
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(parsed.map(\.type) == ["IHDR", "IDAT", "IEND"])
        #expect(parsed.allSatisfy { $0.crcIsValid })
        let header = try #require(parsed.first?.data)
        #expect(header.count == 13)
        #expect(bigEndian(header[0..<4]) == (21 + 8) * 8)
        #expect(bigEndian(header[4..<8]) == (21 + 8) * 8)
        #expect(Array(header[8...]) == [1, 0, 0, 0, 0])
    }

    @Test("pixels follow the modules: white quiet zone, black finder corner")
    func pixels() throws {
        // given
        let code = try QRCode.encode("HELLO WORLD")
        let scale = 3
        let border = 2

        // when
        let idat = try #require(chunks(of: code.png(scale: scale, border: border)).first { $0.type == "IDAT" })
        let scanlines = try inflateStored(idat.data).payload

        // then: each scanline is a filter byte (0) plus ceil(75 / 8) = 10 bytes
        let width = (21 + 2 * border) * scale
        let rowLength = 1 + (width + 7) / 8
        #expect(scanlines.count == rowLength * width)
        let isBlack = { (x: Int, y: Int) in scanlines[y * rowLength + 1 + x / 8] & (0x80 >> UInt8(x % 8)) == 0 }
        #expect((0..<width).allSatisfy { scanlines[$0 * rowLength] == 0 })
        #expect(!(0..<width).contains { isBlack($0, 0) })
        for y in 0..<width {
            for x in 0..<width {
                let expected = code[x / scale - border, y / scale - border]
                #expect(isBlack(x, y) == expected, "pixel \(x),\(y)")
            }
        }
    }

    @Test("zlib stream splits stored blocks at 65,535 bytes")
    func storedBlockSplitting() throws {
        // given
        let data = (0..<140_000).map { UInt8($0 % 256) }

        // when
        let (payload, blockLengths) = try inflateStored(PNGWriter.zlibStored(data))
        let (emptyPayload, emptyBlocks) = try inflateStored(PNGWriter.zlibStored([]))

        // then
        #expect(blockLengths == [65_535, 65_535, 8_930])
        #expect(payload == data)
        #expect(emptyPayload.isEmpty && emptyBlocks == [0])
    }

    @Test("a version 40 PNG spans several stored blocks and stays valid")
    func largeImage() throws {
        // given
        let code = try QRCode.encode("AST-000123", minimumVersion: 40)

        // when
        let idat = try #require(chunks(of: code.png()).first { $0.type == "IDAT" })
        let blocks = try inflateStored(idat.data).blockLengths

        // then: 1480 rows of 1 + 185 bytes
        #expect(blocks.count == 5)
        #expect(blocks.reduce(0, +) == 1480 * 186)
    }

    @Test("scale and border are clamped to 1…32 and 0…16")
    func clamping() throws {
        // given
        let code = try QRCode.encode("HELLO WORLD")

        // when
        let width = { (png: [UInt8]) in self.bigEndian(png[16..<20]) }

        // then
        #expect(width(code.png(scale: 0, border: -5)) == 21)
        #expect(width(code.png(scale: 100, border: 100)) == (21 + 32) * 32)
        #expect(width(code.png(scale: 1, border: 0)) == 21)
    }
}
