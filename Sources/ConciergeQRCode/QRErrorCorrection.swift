/// The error correction level of a QR code: how much of the symbol may be damaged and still decode.
///
/// Higher levels spend more codewords on Reed–Solomon redundancy, so the same input needs a larger version.
public enum QRErrorCorrection: Int, Sendable, Hashable, CaseIterable {
    /// Level L: recovers about 7% of damaged codewords.
    case low
    /// Level M: recovers about 15% of damaged codewords. A good default for printed labels.
    case medium
    /// Level Q: recovers about 25% of damaged codewords.
    case quartile
    /// Level H: recovers about 30% of damaged codewords.
    case high

    /// The two-bit indicator used in the format information (L = 01, M = 00, Q = 11, H = 10).
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }
}
