/// Reed–Solomon error correction codewords over GF(256), as used by QR codes.
enum ReedSolomon {
    /// Coefficients of the generator polynomial (x − α⁰)(x − α¹)…(x − α^(degree−1)).
    ///
    /// Highest power first, with the leading coefficient 1 included, so the array has `degree + 1` entries.
    static func generatorPolynomial(degree: Int) -> [UInt8] {
        var coefficients: [UInt8] = [1]
        for root in 0..<degree {
            let factor = GaloisField256.exp(root)
            var product = [UInt8](repeating: 0, count: coefficients.count + 1)
            for (index, coefficient) in coefficients.enumerated() {
                product[index] ^= coefficient
                product[index + 1] ^= GaloisField256.multiply(coefficient, factor)
            }
            coefficients = product
        }
        return coefficients
    }

    /// The error correction codewords for `data`: the remainder of data·x^degree divided by the generator.
    static func errorCorrection(for data: [UInt8], generator: [UInt8]) -> [UInt8] {
        let degree = generator.count - 1
        guard degree > 0 else {
            return []
        }
        var remainder = [UInt8](repeating: 0, count: degree)
        for byte in data {
            let factor = byte ^ (remainder.first ?? 0)
            remainder.removeFirst()
            remainder.append(0)
            for index in 0..<degree {
                remainder[index] ^= GaloisField256.multiply(generator[index + 1], factor)
            }
        }
        return remainder
    }
}
