import Testing

@testable import ConciergeQRCode

@Suite("Reed–Solomon")
struct ReedSolomonTests {
    /// Evaluates a polynomial (highest power first) at `x` by Horner's rule.
    private func evaluate(_ coefficients: [UInt8], at x: UInt8) -> UInt8 {
        coefficients.reduce(0) { GaloisField256.multiply($0, x) ^ $1 }
    }

    @Test("generator polynomials match the published exponent tables")
    func generatorMatchesPublishedTables() {
        // given: coefficient exponents of α from the standard's generator polynomial annex
        let degree7Exponents = [0, 87, 229, 146, 149, 238, 102, 21]
        let degree10Exponents = [0, 251, 67, 46, 61, 118, 70, 64, 94, 32, 45]

        // when
        let degree7 = ReedSolomon.generatorPolynomial(degree: 7)
        let degree10 = ReedSolomon.generatorPolynomial(degree: 10)

        // then
        #expect(degree7 == degree7Exponents.map { GaloisField256.exp($0) })
        #expect(degree10 == degree10Exponents.map { GaloisField256.exp($0) })
    }

    @Test("generator polynomial vanishes at α⁰ through α^(degree−1)", arguments: [7, 18, 30])
    func generatorRoots(degree: Int) {
        // given / when
        let generator = ReedSolomon.generatorPolynomial(degree: degree)

        // then
        #expect(generator.count == degree + 1)
        for root in 0..<degree {
            #expect(evaluate(generator, at: GaloisField256.exp(root)) == 0, "root α^\(root)")
        }
        #expect(evaluate(generator, at: GaloisField256.exp(degree)) != 0)
    }

    @Test("HELLO WORLD 1-M error correction codewords")
    func helloWorldVector() {
        // given
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]

        // when
        let ec = ReedSolomon.errorCorrection(for: data, generator: ReedSolomon.generatorPolynomial(degree: 10))

        // then
        #expect(ec == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test("data followed by its error correction is a codeword")
    func codewordIsDivisibleByGenerator() {
        // given
        let data: [UInt8] = (0..<40).map { UInt8(($0 * 37 + 11) % 256) }
        let degree = 22

        // when
        let codeword =
            data
            + ReedSolomon.errorCorrection(
                for: data, generator: ReedSolomon.generatorPolynomial(degree: degree))

        // then
        for root in 0..<degree {
            #expect(evaluate(codeword, at: GaloisField256.exp(root)) == 0)
        }
    }
}
