import Testing

@testable import ConciergeQRCode

@Suite("Data modes and codewords")
struct QRDataModeTests {
    private func bitString(_ buffer: QRBitBuffer) -> String {
        String(buffer.bits.map { $0 ? "1" : "0" })
    }

    @Test(
        "the smallest mode that holds the whole input is chosen",
        arguments: [
            ("0123456789", QRDataMode.numeric),
            ("", .numeric),
            ("AST-000123", .alphanumeric),
            ("HTTPS://ACME.EXAMPLE/QR/AST-1 $%*+", .alphanumeric),
            ("ast-000123", .byte),
            ("https://acme.concierge.example/qr/AST-000123?sig=0f3a", .byte),
            ("设备报修", .byte),
        ]
    )
    func modeChoice(input: String, expected: QRDataMode) {
        // given / when
        let mode = QRDataMode.smallest(for: Array(input.utf8))

        // then
        #expect(mode == expected)
    }

    @Test("character count field widths grow at versions 10 and 27")
    func characterCountBits() {
        // given / when / then
        #expect(
            [1, 9, 10, 26, 27, 40].map { QRDataMode.numeric.characterCountBits(version: $0) }
                == [10, 10, 12, 12, 14, 14])
        #expect(
            [1, 9, 10, 26, 27, 40].map { QRDataMode.alphanumeric.characterCountBits(version: $0) }
                == [9, 9, 11, 11, 13, 13])
        #expect(
            [1, 9, 10, 26, 27, 40].map { QRDataMode.byte.characterCountBits(version: $0) }
                == [8, 8, 16, 16, 16, 16])
    }

    @Test("numeric segment packs three digits per 10 bits (standard's example 01234567)")
    func numericSegment() {
        // given
        var buffer = QRBitBuffer()

        // when
        QRDataMode.numeric.appendSegment(Array("01234567".utf8), version: 1, to: &buffer)

        // then
        #expect(bitString(buffer) == "0001" + "0000001000" + "0000001100" + "0101011001" + "1000011")
        #expect(buffer.count == QRDataMode.numeric.segmentBits(characterCount: 8, version: 1))
    }

    @Test("alphanumeric segment packs two characters per 11 bits (standard's example AC-42)")
    func alphanumericSegment() {
        // given
        var buffer = QRBitBuffer()

        // when
        QRDataMode.alphanumeric.appendSegment(Array("AC-42".utf8), version: 1, to: &buffer)

        // then
        #expect(bitString(buffer) == "0010" + "000000101" + "00111001110" + "11100111001" + "000010")
        #expect(buffer.count == QRDataMode.alphanumeric.segmentBits(characterCount: 5, version: 1))
    }

    @Test("byte segment uses a 16-bit count from version 10")
    func byteSegment() {
        // given
        var buffer = QRBitBuffer()

        // when
        QRDataMode.byte.appendSegment([0xE8, 0x41], version: 10, to: &buffer)

        // then
        #expect(bitString(buffer) == "0100" + "0000000000000010" + "11101000" + "01000001")
        #expect(buffer.count == QRDataMode.byte.segmentBits(characterCount: 2, version: 10))
    }

    @Test("HELLO WORLD 1-M data codewords include terminator and alternating pad bytes")
    func helloWorldDataCodewords() {
        // given
        let input = Array("HELLO WORLD".utf8)

        // when
        let codewords = QRCodewords.dataCodewords(for: input, mode: .alphanumeric, version: 1, capacity: 16)

        // then
        #expect(codewords == [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17])
    }

    @Test("codewords of several blocks are interleaved data first, then error correction")
    func interleaving() {
        // given: version 5-Q, two short blocks of 15 and two long blocks of 16 data codewords
        let layout = QRVersionTable.blockLayout(version: 5, correction: .quartile)
        let data = (0..<62).map { UInt8($0) }

        // when
        let codewords = QRCodewords.interleaved(data: data, layout: layout)

        // then: column-wise over blocks starting at 0, 15, 30, 46; only long blocks have a 16th codeword
        #expect(codewords.count == 134)
        #expect(Array(codewords[0..<8]) == [0, 15, 30, 46, 1, 16, 31, 47])
        #expect(Array(codewords[56..<62]) == [14, 29, 44, 60, 45, 61])
        let firstBlockEC = ReedSolomon.errorCorrection(
            for: Array(data[0..<15]), generator: ReedSolomon.generatorPolynomial(degree: 18))
        #expect(stride(from: 62, to: 134, by: 4).map { codewords[$0] } == firstBlockEC)
    }
}
