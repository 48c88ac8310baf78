/// A square grid of modules under construction, remembering which modules belong to function patterns.
struct QRMatrix {
    let size: Int
    /// Dark modules, row-major: index `y * size + x`.
    private(set) var modules: [Bool]
    /// Modules reserved for function patterns, format and version information; never masked or filled with data.
    private var reserved: [Bool]

    /// An empty matrix for `version` with every function pattern drawn and the format and version areas reserved.
    init(version: Int) {
        size = QRVersionTable.size(version: version)
        modules = [Bool](repeating: false, count: size * size)
        reserved = [Bool](repeating: false, count: size * size)
        drawTimingPatterns()
        drawFinderPatterns()
        drawAlignmentPatterns(version: version)
        // Reserve the format areas (and draw the dark module) now, real bits are written per mask later.
        drawFormatInformation(0)
        if version >= 7 {
            drawVersionInformation(QRFormatInformation.versionBits(version: version))
        }
    }

    subscript(x: Int, y: Int) -> Bool {
        modules[y * size + x]
    }

    private mutating func setFunctionModule(x: Int, y: Int, dark: Bool) {
        modules[y * size + x] = dark
        reserved[y * size + x] = true
    }

    private mutating func drawTimingPatterns() {
        for index in 0..<size {
            setFunctionModule(x: 6, y: index, dark: index % 2 == 0)
            setFunctionModule(x: index, y: 6, dark: index % 2 == 0)
        }
    }

    /// The three 7×7 finder patterns with their light separators.
    private mutating func drawFinderPatterns() {
        for (centreX, centreY) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = centreX + dx
                    let y = centreY + dy
                    guard (0..<size).contains(x), (0..<size).contains(y) else {
                        continue
                    }
                    let ring = max(abs(dx), abs(dy))
                    setFunctionModule(x: x, y: y, dark: ring != 2 && ring != 4)
                }
            }
        }
    }

    /// 5×5 alignment patterns at every pair of table positions except the three finder corners.
    private mutating func drawAlignmentPatterns(version: Int) {
        let positions = QRVersionTable.alignmentPositions(version: version)
        let last = positions.count - 1
        for (row, centreY) in positions.enumerated() {
            for (column, centreX) in positions.enumerated() {
                let overlapsFinder =
                    (row == 0 && column == 0) || (row == 0 && column == last)
                    || (row == last && column == 0)
                if overlapsFinder {
                    continue
                }
                for dy in -2...2 {
                    for dx in -2...2 {
                        setFunctionModule(x: centreX + dx, y: centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
                    }
                }
            }
        }
    }

    /// Writes both copies of the 15 format bits (least significant bit first in the order the standard
    /// places them) and the dark module beside the bottom-left finder.
    mutating func drawFormatInformation(_ bits: Int) {
        func bit(_ index: Int) -> Bool { bits >> index & 1 == 1 }
        // Copy around the top-left finder: down column 8, then left along row 8, skipping the timing pattern.
        for index in 0...5 {
            setFunctionModule(x: 8, y: index, dark: bit(index))
        }
        setFunctionModule(x: 8, y: 7, dark: bit(6))
        setFunctionModule(x: 8, y: 8, dark: bit(7))
        setFunctionModule(x: 7, y: 8, dark: bit(8))
        for index in 9..<15 {
            setFunctionModule(x: 14 - index, y: 8, dark: bit(index))
        }
        // Split copy: row 8 under the top-right finder, then column 8 beside the bottom-left finder.
        for index in 0..<8 {
            setFunctionModule(x: size - 1 - index, y: 8, dark: bit(index))
        }
        for index in 8..<15 {
            setFunctionModule(x: 8, y: size - 15 + index, dark: bit(index))
        }
        setFunctionModule(x: 8, y: size - 8, dark: true)
    }

    /// Writes both 6×3 copies of the 18 version bits, next to the top-right and bottom-left finders.
    private mutating func drawVersionInformation(_ bits: Int) {
        for index in 0..<18 {
            let dark = bits >> index & 1 == 1
            let along = index / 3
            let across = size - 11 + index % 3
            setFunctionModule(x: across, y: along, dark: dark)
            setFunctionModule(x: along, y: across, dark: dark)
        }
    }

    /// Places `codewords` bit by bit in the two-column zigzag from the bottom-right corner, skipping reserved
    /// modules and the vertical timing column. Modules left over (remainder bits) stay light.
    mutating func placeCodewords(_ codewords: [UInt8]) {
        let totalBits = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 {
                right = 5
            }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !reserved[y * size + x] && bitIndex < totalBits {
                    modules[y * size + x] = codewords[bitIndex / 8] >> (7 - bitIndex % 8) & 1 == 1
                    bitIndex += 1
                }
            }
            right -= 2
        }
    }

    /// Inverts every non-reserved module selected by mask `pattern`; applying the same mask twice undoes it.
    mutating func applyMask(_ pattern: Int) {
        for y in 0..<size {
            for x in 0..<size where !reserved[y * size + x] && QRMaskPattern.inverts(pattern: pattern, x: x, y: y) {
                modules[y * size + x].toggle()
            }
        }
    }
}
