import Testing

@testable import ConciergeQRCode

@Suite("Format and version information")
struct QRFormatInformationTests {
    @Test(
        "format information bits match the standard's table",
        arguments: [
            (QRErrorCorrection.medium, 0, "101010000010010"),
            (.medium, 5, "100000011001110"),
            (.low, 0, "111011111000100"),
            (.low, 7, "110100101110110"),
            (.quartile, 3, "011101000000110"),
            (.high, 7, "000100000111011"),
        ]
    )
    func formatBits(correction: QRErrorCorrection, mask: Int, expected: String) {
        // given / when
        let bits = QRFormatInformation.formatBits(correction: correction, mask: mask)

        // then
        #expect(bits == Int(expected, radix: 2))
    }

    @Test("all 32 format words are at least 7 bits apart")
    func formatWordsMinimumDistance() {
        // given
        let words = QRErrorCorrection.allCases.flatMap { correction in
            QRMaskPattern.all.map { QRFormatInformation.formatBits(correction: correction, mask: $0) }
        }

        // when
        var minimumDistance = Int.max
        for (index, first) in words.enumerated() {
            for second in words[(index + 1)...] {
                minimumDistance = min(minimumDistance, (first ^ second).nonzeroBitCount)
            }
        }

        // then
        #expect(words.count == 32)
        #expect(minimumDistance >= 7)
    }

    @Test(
        "version information bits match the standard's table",
        arguments: [(7, "000111110010010100"), (8, "001000010110111100"), (40, "101000110001101001")]
    )
    func versionBits(version: Int, expected: String) {
        // given / when
        let bits = QRFormatInformation.versionBits(version: version)

        // then
        #expect(bits == Int(expected, radix: 2))
    }
}
