/// BCH-protected metadata written next to the finder patterns: format information (level and mask) and, for
/// versions 7 and up, version information.
enum QRFormatInformation {
    /// Generator of the BCH(15,5) code protecting the format information: x¹⁰ + x⁸ + x⁵ + x⁴ + x² + x + 1.
    private static let formatGenerator = 0b101_0011_0111
    /// XOR mask applied to the format information so it is never all zeros.
    private static let formatMask = 0b101_0100_0001_0010
    /// Generator of the BCH(18,6) code protecting the version information: x¹² + x¹¹ + x¹⁰ + x⁹ + x⁸ + x⁵ + x² + 1.
    private static let versionGenerator = 0b1_1111_0010_0101

    /// The 15 format information bits (level, mask, BCH remainder, masked), most significant bit first.
    static func formatBits(correction: QRErrorCorrection, mask: Int) -> Int {
        let data = correction.formatBits << 3 | mask
        return (data << 10 | bchRemainder(of: data, generator: formatGenerator, degree: 10)) ^ formatMask
    }

    /// The 18 version information bits (six version bits, then the BCH remainder), most significant bit first.
    static func versionBits(version: Int) -> Int {
        version << 12 | bchRemainder(of: version, generator: versionGenerator, degree: 12)
    }

    /// The remainder of `data`·x^degree divided by `generator` over GF(2).
    private static func bchRemainder(of data: Int, generator: Int, degree: Int) -> Int {
        var remainder = data << degree
        for bit in stride(from: remainder.bitWidth - remainder.leadingZeroBitCount - 1, through: degree, by: -1)
        where remainder >> bit & 1 == 1 {
            remainder ^= generator << (bit - degree)
        }
        return remainder
    }
}
