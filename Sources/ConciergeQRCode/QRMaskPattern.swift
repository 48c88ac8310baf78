/// The eight data mask patterns. A masked module is inverted; masks break up patterns that confuse scanners.
enum QRMaskPattern {
    /// All mask pattern references, 0 through 7.
    static let all = 0...7

    /// Whether mask `pattern` inverts the module in column `x`, row `y`.
    static func inverts(pattern: Int, x: Int, y: Int) -> Bool {
        switch pattern {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (x * y) % 2 + (x * y) % 3 == 0
        case 6: ((x * y) % 2 + (x * y) % 3) % 2 == 0
        default: ((x + y) % 2 + (x * y) % 3) % 2 == 0
        }
    }
}
