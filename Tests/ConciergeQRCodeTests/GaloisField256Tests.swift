import Testing

@testable import ConciergeQRCode

@Suite("GF(256) arithmetic")
struct GaloisField256Tests {
    @Test("powers of α reduce by 0x11D and cycle with period 255")
    func powersOfAlpha() {
        // given / when
        let powers = (0..<255).map { GaloisField256.exp($0) }

        // then
        #expect(GaloisField256.exp(0) == 1)
        #expect(GaloisField256.exp(7) == 0x80)
        #expect(GaloisField256.exp(8) == 0x1D)
        #expect(GaloisField256.exp(9) == 0x3A)
        #expect(GaloisField256.exp(255) == 1)
        #expect(Set(powers).count == 255, "α must generate every non-zero element")
        #expect(!powers.contains(0))
    }

    @Test("multiplication matches known products and has zero and one")
    func multiplicationKnownValues() {
        // given / when / then
        #expect(GaloisField256.multiply(0x02, 0x80) == 0x1D)
        #expect(GaloisField256.multiply(0x53, 0xCA) == 0x8F)
        #expect(GaloisField256.multiply(0, 0xAB) == 0)
        #expect(GaloisField256.multiply(0xAB, 0) == 0)
        #expect(GaloisField256.multiply(1, 0xAB) == 0xAB)
    }

    @Test("multiplication is commutative, associative, distributive and invertible")
    func fieldLaws() {
        // given
        let samples: [UInt8] = [1, 2, 3, 0x1D, 0x53, 0x80, 0xCA, 0xFF]

        for a in samples {
            for b in samples {
                for c in samples {
                    // when / then
                    let multiply = GaloisField256.multiply
                    #expect(multiply(a, b) == multiply(b, a))
                    #expect(multiply(multiply(a, b), c) == multiply(a, multiply(b, c)))
                    #expect(multiply(a, b ^ c) == multiply(a, b) ^ multiply(a, c))
                }
            }
        }
        for power in 0..<255 {
            #expect(GaloisField256.multiply(GaloisField256.exp(power), GaloisField256.exp(255 - power)) == 1)
        }
    }
}
