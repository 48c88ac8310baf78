/// The four mask evaluation rules of ISO/IEC 18004; the encoder keeps the mask with the lowest total.
///
/// Each rule takes plain module arrays (dark = `true`, matrices row-major) so it can be checked on its own.
enum QRPenalty {
    private static let runWeight = 3
    private static let blockWeight = 3
    private static let finderLikeWeight = 40
    private static let balanceWeight = 10
    /// 1:1:3:1:1 finder-like core followed by four light modules, as an 11-bit window (dark = 1).
    private static let finderThenLight = 0b101_1101_0000
    /// Four light modules followed by a finder-like core.
    private static let lightThenFinder = 0b000_0101_1101

    /// The total penalty of a fully drawn and masked matrix.
    static func score(_ matrix: QRMatrix) -> Int {
        let size = matrix.size
        let modules = matrix.modules
        var penalty = blockPenalty(modules, size: size) + balancePenalty(modules)
        var line = [Bool](repeating: false, count: size)
        for y in 0..<size {
            for x in 0..<size {
                line[x] = modules[y * size + x]
            }
            penalty += runPenalty(line) + finderLikePenalty(line)
        }
        for x in 0..<size {
            for y in 0..<size {
                line[y] = modules[y * size + x]
            }
            penalty += runPenalty(line) + finderLikePenalty(line)
        }
        return penalty
    }

    /// Rule 1: each run of five or more same-coloured modules in a line scores 3, plus 1 per extra module.
    static func runPenalty(_ line: [Bool]) -> Int {
        var penalty = 0
        var runLength = 0
        var runColour = false
        for index in 0..<line.count {
            let module = line[index]
            if module == runColour && runLength > 0 {
                runLength += 1
                continue
            }
            if runLength >= 5 {
                penalty += runWeight + runLength - 5
            }
            runColour = module
            runLength = 1
        }
        if runLength >= 5 {
            penalty += runWeight + runLength - 5
        }
        return penalty
    }

    /// Rule 2: each 2×2 block of one colour scores 3 (overlapping blocks all count).
    static func blockPenalty(_ modules: [Bool], size: Int) -> Int {
        var penalty = 0
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let topLeft = y * size + x
                let colour = modules[topLeft]
                if modules[topLeft + 1] == colour && modules[topLeft + size] == colour
                    && modules[topLeft + size + 1] == colour
                {
                    penalty += blockWeight
                }
            }
        }
        return penalty
    }

    /// Rule 3: each 1:1:3:1:1 finder-like pattern scores 40 for each side with four light modules next to it.
    /// Modules beyond the ends of the line count as light, as the quiet zone is.
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        let windowMask = 0b111_1111_1111
        let (before, after) = (lightThenFinder, finderThenLight)
        var matches = 0
        var window = 0
        let count = line.count
        // Slide an 11-module window over the line padded with four light modules at each end.
        for index in -4..<(count + 4) {
            let dark = index >= 0 && index < count && line[index]
            window = (window << 1 | (dark ? 1 : 0)) & windowMask
            if window == before || window == after {
                matches += 1
            }
        }
        return matches * finderLikeWeight
    }

    /// Rule 4: 10 points for every full 5% the proportion of dark modules deviates from 50%.
    static func balancePenalty(_ modules: [Bool]) -> Int {
        let total = modules.count
        var dark = 0
        for index in 0..<total where modules[index] {
            dark += 1
        }
        return balanceWeight * (abs(dark * 20 - total * 10) / total)
    }
}
