/// Arithmetic in GF(2⁸) with the QR code's reducing polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D) and generator α = 2.
enum GaloisField256 {
    /// The reducing polynomial, including the x⁸ term.
    static let primitivePolynomial = 0x11D

    /// `exponentials[i]` is αⁱ for i in 0..<255, repeated once more so sums of two logarithms need no modulo.
    private static let exponentials: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for power in 0..<255 {
            table[power] = UInt8(value)
            table[power + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 {
                value ^= primitivePolynomial
            }
        }
        return table
    }()

    /// `logarithms[v]` is i such that αⁱ = v, for v in 1...255 (entry 0 is unused).
    private static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for power in 0..<255 {
            table[Int(exponentials[power])] = power
        }
        return table
    }()

    /// α raised to `power` (any non-negative integer).
    static func exp(_ power: Int) -> UInt8 {
        exponentials[power % 255]
    }

    /// Field multiplication (addition is plain exclusive or).
    static func multiply(_ lhs: UInt8, _ rhs: UInt8) -> UInt8 {
        if lhs == 0 || rhs == 0 {
            return 0
        }
        return exponentials[logarithms[Int(lhs)] + logarithms[Int(rhs)]]
    }
}
