/// Writes 1-bit grayscale PNG images, compressed with zlib "stored" (uncompressed) deflate blocks.
enum PNGWriter {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The longest payload a stored deflate block can carry.
    static let maximumStoredBlockLength = 65_535

    /// One row of `width` pixels packed as 1-bit grayscale (most significant bit first, 1 = white).
    static func packedRow(width: Int, isBlack: (_ x: Int) -> Bool) -> [UInt8] {
        var row = [UInt8](repeating: 0xFF, count: (width + 7) / 8)
        for x in 0..<width where isBlack(x) {
            row[x / 8] &= ~(0x80 >> UInt8(x % 8))
        }
        return row
    }

    /// A 1-bit grayscale PNG `width` pixels wide with one pixel row per element of `rows`, each packed by
    /// `packedRow(width:isBlack:)`.
    static func blackAndWhiteImage(width: Int, rows: [[UInt8]]) -> [UInt8] {
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity(rows.reduce(0) { $0 + $1.count + 1 })
        for row in rows {
            scanlines.append(0)  // filter type: none
            scanlines += row
        }

        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(rows.count), to: &header)
        header += [1, 0, 0, 0, 0]  // bit depth 1, grayscale, deflate, adaptive filtering, no interlace

        var png = signature
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", zlibStored(scanlines), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// A zlib stream holding `data` in stored deflate blocks of at most 65,535 bytes each.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var stream: [UInt8] = [0x78, 0x01]  // 32 KiB window, deflate; check bits make the header divisible by 31
        var start = 0
        repeat {
            let end = min(start + maximumStoredBlockLength, data.count)
            let length = UInt16(end - start)
            stream.append(end == data.count ? 1 : 0)  // BFINAL on the last block, BTYPE 00 (stored)
            stream += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            stream += data[start..<end]
            start = end
        } while start < data.count
        appendBigEndian(Adler32.checksum(data), to: &stream)
        return stream
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeAndData = Array(type.utf8) + data
        appendBigEndian(UInt32(data.count), to: &png)
        png += typeAndData
        appendBigEndian(CRC32.checksum(typeAndData), to: &png)
    }

    private static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
