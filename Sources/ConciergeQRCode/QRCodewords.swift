/// Builds the final codeword sequence placed in the symbol: padded data, then Reed–Solomon blocks interleaved.
enum QRCodewords {
    /// The two pad codewords that alternately fill unused data capacity.
    private static let padBytes: [UInt8] = [0xEC, 0x11]

    /// The data codewords for `bytes` in `mode`: the segment, a terminator of up to four zero bits, zero bits up
    /// to a byte boundary, then alternating pad codewords up to `capacity` codewords.
    static func dataCodewords(for bytes: [UInt8], mode: QRDataMode, version: Int, capacity: Int) -> [UInt8] {
        var buffer = QRBitBuffer()
        mode.appendSegment(bytes, version: version, to: &buffer)
        buffer.append(0, bitCount: min(4, capacity * 8 - buffer.count))
        buffer.append(0, bitCount: (8 - buffer.count % 8) % 8)
        var codewords = buffer.bytes()
        while codewords.count < capacity {
            codewords.append(padBytes[(codewords.count - buffer.count / 8) % 2])
        }
        return codewords
    }

    /// Splits `data` into the blocks of `layout`, computes each block's error correction codewords and
    /// interleaves them: first data codeword of every block, then the second, …, then the EC codewords likewise.
    static func interleaved(data: [UInt8], layout: QRBlockLayout) -> [UInt8] {
        let generator = ReedSolomon.generatorPolynomial(degree: layout.ecCodewordsPerBlock)
        var dataBlocks: [[UInt8]] = []
        var ecBlocks: [[UInt8]] = []
        var offset = 0
        for blockIndex in 0..<layout.blockCount {
            let length = layout.dataCodewords(inBlock: blockIndex)
            let block = Array(data[offset..<offset + length])
            offset += length
            dataBlocks.append(block)
            ecBlocks.append(ReedSolomon.errorCorrection(for: block, generator: generator))
        }

        var result: [UInt8] = []
        result.reserveCapacity(data.count + layout.blockCount * layout.ecCodewordsPerBlock)
        for column in 0...layout.shortBlockDataCodewords {
            for block in dataBlocks where column < block.count {
                result.append(block[column])
            }
        }
        for column in 0..<layout.ecCodewordsPerBlock {
            for block in ecBlocks {
                result.append(block[column])
            }
        }
        return result
    }
}
