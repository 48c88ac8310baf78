/// A QR code (model 2) symbol: a square of dark and light modules encoding some bytes.
///
/// Create one with `encode(_:correction:minimumVersion:)`, then render it with ``png(scale:border:)``
/// or ``svg(moduleSize:border:title:)``, or read the modules directly through ``subscript(x:y:)``.
///
/// ```swift
/// let code = try QRCode.encode("https://acme.concierge.example/qr/AST-000123")
/// let pngBytes = code.png()
/// ```
public struct QRCode: Sendable, Equatable {
    /// The symbol version, 1 through 40; version `v` is `17 + 4v` modules wide.
    public let version: Int
    /// The error correction level the symbol was encoded with.
    public let correction: QRErrorCorrection
    /// The data mask pattern reference (0 through 7) chosen because it scored the lowest penalty.
    public let mask: Int
    /// The number of modules along one side, excluding any quiet zone.
    public let size: Int
    /// Dark modules, row-major: index `y * size + x`.
    private let modules: [Bool]

    /// Whether the module in column `x` and row `y` is dark. `(0, 0)` is the top-left corner.
    ///
    /// Coordinates outside `0..<size` return `false` (light), as the quiet zone around the symbol is light.
    public subscript(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else {
            return false
        }
        return modules[y * size + x]
    }

    /// Encodes `bytes` in the smallest version (not below `minimumVersion`) that holds them at `correction`.
    ///
    /// The whole input is encoded in a single segment using the most compact mode that can represent it:
    /// numeric if it is all digits, alphanumeric if it only uses `0-9 A-Z $%*+-./:` and space, byte otherwise.
    ///
    /// - Parameters:
    ///   - bytes: The payload. Scanners usually interpret byte-mode payloads as UTF-8.
    ///   - correction: The error correction level; `.medium` by default.
    ///   - minimumVersion: The smallest version to use, 1 through 40. Raise it to get a uniform size.
    /// - Throws: ``QRCodeError/invalidMinimumVersion(_:)`` if `minimumVersion` is outside `1...40`;
    ///   ``QRCodeError/tooLong(maximumBytes:)`` if the payload does not fit in version 40.
    public static func encode(
        _ bytes: [UInt8],
        correction: QRErrorCorrection = .medium,
        minimumVersion: Int = 1
    ) throws(QRCodeError) -> QRCode {
        guard QRVersionTable.versions.contains(minimumVersion) else {
            throw .invalidMinimumVersion(minimumVersion)
        }
        let mode = QRDataMode.smallest(for: bytes)
        let chosenVersion = (minimumVersion...QRVersionTable.versions.upperBound).first { version in
            mode.segmentBits(characterCount: bytes.count, version: version)
                <= 8 * QRVersionTable.dataCodewords(version: version, correction: correction)
        }
        guard let version = chosenVersion else {
            let largest = QRVersionTable.versions.upperBound
            let capacity = QRVersionTable.dataCodewords(version: largest, correction: correction)
            throw .tooLong(maximumBytes: mode.maximumCharacters(dataCodewords: capacity, version: largest))
        }

        let layout = QRVersionTable.blockLayout(version: version, correction: correction)
        let data = QRCodewords.dataCodewords(
            for: bytes, mode: mode, version: version, capacity: layout.dataCodewords)
        var matrix = QRMatrix(version: version)
        matrix.placeCodewords(QRCodewords.interleaved(data: data, layout: layout))

        let (mask, masked) = lowestPenaltyMasking(of: matrix, correction: correction)
        return QRCode(version: version, correction: correction, mask: mask, size: matrix.size, modules: masked.modules)
    }

    /// Tries all eight masks (with their format information) and returns the one scoring the lowest penalty;
    /// ties go to the lower mask number.
    private static func lowestPenaltyMasking(
        of matrix: QRMatrix,
        correction: QRErrorCorrection
    ) -> (mask: Int, matrix: QRMatrix) {
        func masked(_ mask: Int) -> QRMatrix {
            var candidate = matrix
            candidate.applyMask(mask)
            candidate.drawFormatInformation(QRFormatInformation.formatBits(correction: correction, mask: mask))
            return candidate
        }
        var best = (mask: 0, matrix: masked(0))
        var bestPenalty = QRPenalty.score(best.matrix)
        for mask in QRMaskPattern.all.dropFirst() {
            let candidate = masked(mask)
            let penalty = QRPenalty.score(candidate)
            if penalty < bestPenalty {
                best = (mask, candidate)
                bestPenalty = penalty
            }
        }
        return best
    }

    /// Encodes the UTF-8 bytes of `text`; see `encode(_:correction:minimumVersion:)`.
    ///
    /// - Throws: ``QRCodeError/invalidMinimumVersion(_:)`` or ``QRCodeError/tooLong(maximumBytes:)``.
    public static func encode(
        _ text: String,
        correction: QRErrorCorrection = .medium,
        minimumVersion: Int = 1
    ) throws(QRCodeError) -> QRCode {
        try encode(Array(text.utf8), correction: correction, minimumVersion: minimumVersion)
    }
}
