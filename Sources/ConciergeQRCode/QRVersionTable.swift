/// Per-version constants from ISO/IEC 18004: error correction block structure and alignment pattern positions.
enum QRVersionTable {
    /// The versions a QR code (model 2) can have.
    static let versions = 1...40

    /// The number of modules along one side of a symbol of `version`.
    static func size(version: Int) -> Int {
        17 + 4 * version
    }

    /// Reed–Solomon codewords per block, indexed by `[level][version - 1]` in the order L, M, Q, H.
    private static let ecCodewordsPerBlock: [[Int]] = [
        [
            7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
            28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
            26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        ],
        [
            13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
            28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
            30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
    ]

    /// Number of error correction blocks, indexed by `[level][version - 1]` in the order L, M, Q, H.
    private static let blockCounts: [[Int]] = [
        [
            1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
            8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
        ],
        [
            1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
            17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
        ],
        [
            1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
            23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
        ],
        [
            1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
            25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
        ],
    ]

    /// Centre coordinates (used for both rows and columns) of the alignment patterns, indexed by `version - 1`.
    private static let alignmentCentres: [[Int]] = [
        [],
        [6, 18],
        [6, 22],
        [6, 26],
        [6, 30],
        [6, 34],
        [6, 22, 38],
        [6, 24, 42],
        [6, 26, 46],
        [6, 28, 50],
        [6, 30, 54],
        [6, 32, 58],
        [6, 34, 62],
        [6, 26, 46, 66],
        [6, 26, 48, 70],
        [6, 26, 50, 74],
        [6, 30, 54, 78],
        [6, 30, 56, 82],
        [6, 30, 58, 86],
        [6, 34, 62, 90],
        [6, 28, 50, 72, 94],
        [6, 26, 50, 74, 98],
        [6, 30, 54, 78, 102],
        [6, 28, 54, 80, 106],
        [6, 32, 58, 84, 110],
        [6, 30, 58, 86, 114],
        [6, 34, 62, 90, 118],
        [6, 26, 50, 74, 98, 122],
        [6, 30, 54, 78, 102, 126],
        [6, 26, 52, 78, 104, 130],
        [6, 30, 56, 82, 108, 134],
        [6, 34, 60, 86, 112, 138],
        [6, 30, 58, 86, 114, 142],
        [6, 34, 62, 90, 118, 146],
        [6, 30, 54, 78, 102, 126, 150],
        [6, 24, 50, 76, 102, 128, 154],
        [6, 28, 54, 80, 106, 132, 158],
        [6, 32, 58, 84, 110, 136, 162],
        [6, 26, 54, 82, 110, 138, 166],
        [6, 30, 58, 86, 114, 142, 170],
    ]

    /// The alignment pattern centre coordinates for `version` (empty for version 1).
    static func alignmentPositions(version: Int) -> [Int] {
        alignmentCentres[version - 1]
    }

    /// Total codewords (data plus error correction) a symbol of `version` holds.
    ///
    /// Counts the modules left after the function patterns, format and version information, then drops the
    /// remainder bits that do not fill a whole codeword.
    static func totalCodewords(version: Int) -> Int {
        let size = size(version: version)
        var modules = size * size
        modules -= 3 * 64  // finder patterns with separators
        modules -= 2 * (size - 16)  // timing patterns between the separators
        modules -= 2 * 15 + 1  // two copies of format information and the dark module
        let alignmentCount = alignmentPositions(version: version).count
        if alignmentCount > 0 {
            let patterns = alignmentCount * alignmentCount - 3
            let crossingTiming = 2 * (alignmentCount - 2)
            modules -= 25 * patterns - 5 * crossingTiming
        }
        if version >= 7 {
            modules -= 2 * 18  // two copies of version information
        }
        return modules / 8
    }

    /// How the codewords of a symbol are split into Reed–Solomon blocks.
    static func blockLayout(version: Int, correction: QRErrorCorrection) -> QRBlockLayout {
        let blocks = blockCounts[correction.rawValue][version - 1]
        let total = totalCodewords(version: version)
        let longBlocks = total % blocks
        return QRBlockLayout(
            ecCodewordsPerBlock: ecCodewordsPerBlock[correction.rawValue][version - 1],
            shortBlockCount: blocks - longBlocks,
            longBlockCount: longBlocks,
            shortBlockTotalCodewords: total / blocks
        )
    }

    /// Data codewords (excluding error correction) a symbol of `version` at `correction` holds.
    static func dataCodewords(version: Int, correction: QRErrorCorrection) -> Int {
        blockLayout(version: version, correction: correction).dataCodewords
    }
}

/// The Reed–Solomon block structure of one version and error correction level.
///
/// Long blocks carry one more data codeword than short blocks; all blocks have the same number of EC codewords.
struct QRBlockLayout: Equatable {
    let ecCodewordsPerBlock: Int
    let shortBlockCount: Int
    let longBlockCount: Int
    let shortBlockTotalCodewords: Int

    var blockCount: Int { shortBlockCount + longBlockCount }
    var shortBlockDataCodewords: Int { shortBlockTotalCodewords - ecCodewordsPerBlock }

    var dataCodewords: Int {
        blockCount * shortBlockDataCodewords + longBlockCount
    }

    /// Data codewords in block `index`; short blocks come first.
    func dataCodewords(inBlock index: Int) -> Int {
        index < shortBlockCount ? shortBlockDataCodewords : shortBlockDataCodewords + 1
    }
}
