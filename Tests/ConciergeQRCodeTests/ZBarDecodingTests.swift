import Foundation
import Testing

@testable import ConciergeQRCode

@Suite("End-to-end decoding with zbarimg")
struct ZBarDecodingTests {
    static let signedAssetURL =
        "https://acme.concierge.example/qr/AST-000123?sig=0f3a9c2e7b14d5a6f8091b2c3d4e5f60718293a4b5c6d7e8f9"

    /// A realistic 300-byte URL with lower-case letters, so it needs byte mode.
    static let threeHundredByteURL: String = {
        let prefix = "https://acme.concierge.example/qr/AST-000123?sig="
        let hex = Array("0123456789abcdef")
        let signature = String((0..<(300 - prefix.utf8.count)).map { hex[($0 * 7 + 3) % 16] })
        return prefix + signature
    }()

    static let inputs: [String] = [
        "hi",
        signedAssetURL,
        threeHundredByteURL,
        "0123456789012345678901234567890123456789",
        "HTTPS://ACME.CONCIERGE.EXAMPLE/QR/AST-000123",
        "设备报修 AST-000123",
    ]

    @Test("zbarimg decodes each input at every error correction level", arguments: inputs, QRErrorCorrection.allCases)
    func decodesInputAtLevel(input: String, correction: QRErrorCorrection) throws {
        // given
        let code = try QRCode.encode(input, correction: correction)

        // when
        let decoded = try ZBarReader.decode(png: code.png(scale: 4))

        // then
        #expect(decoded == Array(input.utf8), "version \(code.version), mask \(code.mask)")
    }

    @Test("zbarimg decodes forced large versions", arguments: [7, 15, 25, 40], QRErrorCorrection.allCases)
    func decodesForcedVersion(minimumVersion: Int, correction: QRErrorCorrection) throws {
        // given
        let input = "https://acme.concierge.example/qr/AST-000123"
        let code = try QRCode.encode(input, correction: correction, minimumVersion: minimumVersion)
        #expect(code.version == minimumVersion)

        // when
        let decoded = try ZBarReader.decode(png: code.png(scale: 3))

        // then
        #expect(decoded == Array(input.utf8))
    }

    @Test("zbarimg decodes every version and level filled to byte capacity", arguments: 1...40)
    func decodesFullSymbol(version: Int) throws {
        for correction in QRErrorCorrection.allCases {
            // given: lower-case text exactly filling the version's byte-mode capacity
            let capacityBits = 8 * QRVersionTable.dataCodewords(version: version, correction: correction)
            let countBits = version <= 9 ? 8 : 16
            let length = (capacityBits - 4 - countBits) / 8
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            let input = String((0..<length).map { letters[($0 * 11 + version) % 26] })
            let code = try QRCode.encode(input, correction: correction)
            #expect(code.version == version)

            // when
            let decoded = try ZBarReader.decode(png: code.png(scale: 2))

            // then
            #expect(decoded == Array(input.utf8), "version \(version)-\(correction)")
        }
    }
}
