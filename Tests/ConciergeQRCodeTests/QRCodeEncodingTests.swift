import Testing

@testable import ConciergeQRCode

@Suite("QRCode encoding")
struct QRCodeEncodingTests {
    @Test("HELLO WORLD at M fits version 1")
    func smallestVersion() throws {
        // given / when
        let code = try QRCode.encode("HELLO WORLD")

        // then
        #expect(code.version == 1)
        #expect(code.size == 21)
        #expect(code.correction == .medium)
        #expect(QRMaskPattern.all.contains(code.mask))
    }

    @Test(
        "byte capacity limits per level at version 40; one more byte throws",
        arguments: [(QRErrorCorrection.low, 2953), (.medium, 2331), (.quartile, 1663), (.high, 1273)]
    )
    func byteCapacity(correction: QRErrorCorrection, maximum: Int) throws {
        // given
        let fitting = [UInt8](repeating: 0x61, count: maximum)
        let tooLong = fitting + [0x61]

        // when
        let code = try QRCode.encode(fitting, correction: correction)

        // then
        #expect(code.version == 40)
        #expect(code.size == 177)
        #expect(throws: QRCodeError.tooLong(maximumBytes: maximum)) {
            try QRCode.encode(tooLong, correction: correction)
        }
    }

    @Test("numeric and alphanumeric inputs report their own capacity at 40-L")
    func otherModeCapacities() throws {
        // given
        let digits = String(repeating: "7", count: 7089)
        let alphanumerics = String(repeating: "Q", count: 4296)

        // when / then
        #expect(try QRCode.encode(digits, correction: .low).version == 40)
        #expect(try QRCode.encode(alphanumerics, correction: .low).version == 40)
        #expect(throws: QRCodeError.tooLong(maximumBytes: 7089)) {
            try QRCode.encode(digits + "7", correction: .low)
        }
        #expect(throws: QRCodeError.tooLong(maximumBytes: 4296)) {
            try QRCode.encode(alphanumerics + "Q", correction: .low)
        }
    }

    @Test("version 1 capacities per mode at level H: 17 digits, 10 alphanumerics, 7 bytes")
    func versionOneCapacities() throws {
        // given / when / then
        #expect(try QRCode.encode(String(repeating: "1", count: 17), correction: .high).version == 1)
        #expect(try QRCode.encode(String(repeating: "1", count: 18), correction: .high).version == 2)
        #expect(try QRCode.encode(String(repeating: "A", count: 10), correction: .high).version == 1)
        #expect(try QRCode.encode(String(repeating: "A", count: 11), correction: .high).version == 2)
        #expect(try QRCode.encode(String(repeating: "a", count: 7), correction: .high).version == 1)
        #expect(try QRCode.encode(String(repeating: "a", count: 8), correction: .high).version == 2)
    }

    @Test("minimum version is honoured and validated")
    func minimumVersion() throws {
        // given / when
        let code = try QRCode.encode("hi", minimumVersion: 40)

        // then
        #expect(code.version == 40)
        #expect(throws: QRCodeError.invalidMinimumVersion(0)) { try QRCode.encode("hi", minimumVersion: 0) }
        #expect(throws: QRCodeError.invalidMinimumVersion(41)) { try QRCode.encode("hi", minimumVersion: 41) }
    }

    @Test("encoding is deterministic and equality follows the modules")
    func equality() throws {
        // given / when
        let first = try QRCode.encode("AST-000123")
        let second = try QRCode.encode("AST-000123")
        let other = try QRCode.encode("AST-000124")

        // then
        #expect(first == second)
        #expect(first != other)
    }

    @Test("finder, timing and dark module are in place; outside the symbol is light", arguments: [1, 7, 40])
    func functionPatterns(version: Int) throws {
        // given / when
        let code = try QRCode.encode("AST-000123", minimumVersion: version)
        let size = code.size

        // then
        for (left, top) in [(0, 0), (size - 7, 0), (0, size - 7)] {
            for dy in 0..<7 {
                for dx in 0..<7 {
                    let ring = max(abs(dx - 3), abs(dy - 3))
                    #expect(code[left + dx, top + dy] == (ring != 2), "finder at \(left),\(top)")
                }
            }
        }
        for index in 8..<(size - 8) {
            #expect(code[index, 6] == index.isMultiple(of: 2))
            #expect(code[6, index] == index.isMultiple(of: 2))
        }
        #expect(code[8, size - 8])
        #expect(!code[7, 7] && !code[size - 8, 7] && !code[7, size - 8])
        #expect(!code[-1, 0] && !code[0, size] && !code[size, size])
    }

    @Test("both copies of format information encode the chosen level and mask", arguments: QRErrorCorrection.allCases)
    func formatInformationReadsBack(correction: QRErrorCorrection) throws {
        // given
        let code = try QRCode.encode("https://acme.concierge.example/qr/AST-000123", correction: correction)
        let size = code.size
        let expected = QRFormatInformation.formatBits(correction: correction, mask: code.mask)

        // when: read from bit 0 (least significant) upward, in the standard's placement order
        let nearTopLeft: [(Int, Int)] =
            (0...5).map { (8, $0) } + [(8, 7), (8, 8), (7, 8)]
            + (0...5).reversed()
            .map { ($0, 8) }
        let split: [(Int, Int)] = (0..<8).map { (size - 1 - $0, 8) } + (8..<15).map { (8, size - 15 + $0) }
        let read = { (positions: [(Int, Int)]) in
            positions.enumerated().reduce(0) { $0 | (code[$1.element.0, $1.element.1] ? 1 << $1.offset : 0) }
        }

        // then
        #expect(read(nearTopLeft) == expected)
        #expect(read(split) == expected)
    }

    @Test("both copies of version information are present from version 7", arguments: [7, 21, 40])
    func versionInformationReadsBack(version: Int) throws {
        // given
        let code = try QRCode.encode("AST-000123", minimumVersion: version)
        let size = code.size

        // when
        var topRight = 0
        var bottomLeft = 0
        for index in 0..<18 {
            let along = index / 3
            let across = size - 11 + index % 3
            topRight |= code[across, along] ? 1 << index : 0
            bottomLeft |= code[along, across] ? 1 << index : 0
        }

        // then
        #expect(topRight == QRFormatInformation.versionBits(version: version))
        #expect(bottomLeft == QRFormatInformation.versionBits(version: version))
    }
}
