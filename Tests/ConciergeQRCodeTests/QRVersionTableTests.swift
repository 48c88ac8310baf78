import Testing

@testable import ConciergeQRCode

@Suite("Version tables")
struct QRVersionTableTests {
    @Test(
        "data codewords match the standard's capacity table",
        arguments: [
            (1, QRErrorCorrection.low, 19), (1, .medium, 16), (1, .quartile, 13), (1, .high, 9),
            (2, .medium, 28), (5, .quartile, 62), (10, .high, 122), (27, .low, 1468),
            (40, .low, 2956), (40, .medium, 2334), (40, .quartile, 1666), (40, .high, 1276),
        ]
    )
    func dataCodewords(version: Int, correction: QRErrorCorrection, expected: Int) {
        // given / when
        let dataCodewords = QRVersionTable.dataCodewords(version: version, correction: correction)

        // then
        #expect(dataCodewords == expected)
    }

    @Test("block layouts match known rows of the standard's table")
    func knownBlockLayouts() {
        // given / when
        let oneM = QRVersionTable.blockLayout(version: 1, correction: .medium)
        let fiveQ = QRVersionTable.blockLayout(version: 5, correction: .quartile)
        let fortyL = QRVersionTable.blockLayout(version: 40, correction: .low)

        // then: 1-M is one block of 16 + 10 EC; 5-Q is 2×(15 + 18) and 2×(16 + 18); 40-L is 19×118 + 6×119
        #expect(
            oneM
                == QRBlockLayout(
                    ecCodewordsPerBlock: 10, shortBlockCount: 1, longBlockCount: 0, shortBlockTotalCodewords: 26))
        #expect(
            fiveQ
                == QRBlockLayout(
                    ecCodewordsPerBlock: 18, shortBlockCount: 2, longBlockCount: 2, shortBlockTotalCodewords: 33))
        #expect(fiveQ.shortBlockDataCodewords == 15)
        #expect(fortyL.ecCodewordsPerBlock == 30)
        #expect(fortyL.shortBlockCount == 19 && fortyL.longBlockCount == 6)
        #expect(fortyL.shortBlockDataCodewords == 118)
    }

    @Test("total codewords match the modules the matrix leaves free", arguments: QRVersionTable.versions)
    func totalCodewordsMatchMatrix(version: Int) {
        // given: remainder bits per version from the standard (0, 7, 0, 3, 4, 3, 0 by version range)
        let remainderBits = [
            0, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 3, 3,
            4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0,
        ][version - 1]
        let total = QRVersionTable.totalCodewords(version: version)
        var empty = QRMatrix(version: version)
        var full = QRMatrix(version: version)

        // when: place all-light codewords in one and more all-dark codewords than fit in the other
        empty.placeCodewords([UInt8](repeating: 0, count: total))
        full.placeCodewords([UInt8](repeating: 0xFF, count: total + 1))

        // then: the extra dark modules are exactly the codeword bits plus the remainder bits
        let darkCount = { (matrix: QRMatrix) in matrix.modules.filter { $0 }.count }
        #expect(darkCount(full) - darkCount(empty) == 8 * total + remainderBits)
    }

    @Test("every layout's blocks add up to the total codewords", arguments: QRVersionTable.versions)
    func layoutsAreConsistent(version: Int) {
        for correction in QRErrorCorrection.allCases {
            // given / when
            let layout = QRVersionTable.blockLayout(version: version, correction: correction)
            let blockTotal = (0..<layout.blockCount).reduce(0) {
                $0 + layout.dataCodewords(inBlock: $1) + layout.ecCodewordsPerBlock
            }

            // then
            #expect(blockTotal == QRVersionTable.totalCodewords(version: version))
            #expect(layout.ecCodewordsPerBlock <= 30)
        }
    }

    @Test(
        "alignment positions start at 6, end 7 from the edge and are evenly spaced after the first", arguments: 2...40)
    func alignmentPositionStructure(version: Int) throws {
        // given / when
        let positions = QRVersionTable.alignmentPositions(version: version)
        let size = QRVersionTable.size(version: version)

        // then
        #expect(positions.count == version / 7 + 2)
        #expect(positions.first == 6)
        #expect(positions.last == size - 7)
        let gaps = zip(positions.dropFirst(), positions).map { $0 - $1 }
        let regularGap = try #require(gaps.last)
        #expect(regularGap % 2 == 0)
        #expect(gaps.dropFirst().allSatisfy { $0 == regularGap })
    }
}
