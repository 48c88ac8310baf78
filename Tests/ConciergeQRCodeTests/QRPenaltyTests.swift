import Testing

@testable import ConciergeQRCode

@Suite("Mask penalty rules")
struct QRPenaltyTests {
    private func line(_ pattern: String) -> [Bool] {
        pattern.map { $0 == "1" }
    }

    @Test("rule 1 scores runs of five or more")
    func runs() {
        // given / when / then
        #expect(QRPenalty.runPenalty(line("0101010101")) == 0)
        #expect(QRPenalty.runPenalty(line("1111")) == 0)
        #expect(QRPenalty.runPenalty(line("11111")) == 3)
        #expect(QRPenalty.runPenalty(line("0111111")) == 4)
        #expect(QRPenalty.runPenalty(line("000001111111")) == 3 + 5)
    }

    @Test("rule 2 scores every 2×2 single-colour block")
    func blocks() {
        // given: a 3×3 all-dark square has four overlapping 2×2 blocks; a checkerboard has none
        let dark = [Bool](repeating: true, count: 9)
        let checkerboard = (0..<9).map { $0 % 2 == 0 }

        // when / then
        #expect(QRPenalty.blockPenalty(dark, size: 3) == 12)
        #expect(QRPenalty.blockPenalty(checkerboard, size: 3) == 0)
    }

    @Test("rule 3 scores finder-like patterns per light side, counting the edge as light")
    func finderLike() {
        // given / when / then
        #expect(QRPenalty.finderLikePenalty(line("000010111010000")) == 80)
        #expect(QRPenalty.finderLikePenalty(line("10111010000111")) == 80)
        #expect(QRPenalty.finderLikePenalty(line("1110111010111")) == 0)
        #expect(QRPenalty.finderLikePenalty(line("1101110100001")) == 40)
    }

    @Test("rule 4 scores 10 per 5% step away from half dark")
    func balance() {
        // given
        let allLight = [Bool](repeating: false, count: 100)
        let half = (0..<100).map { $0 < 50 }
        let sixtyFour = (0..<100).map { $0 < 64 }

        // when / then
        #expect(QRPenalty.balancePenalty(allLight) == 100)
        #expect(QRPenalty.balancePenalty(half) == 0)
        #expect(QRPenalty.balancePenalty(sixtyFour) == 20)
    }
}
