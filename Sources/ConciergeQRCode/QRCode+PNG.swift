extension QRCode {
    /// The scales `png(scale:border:)` accepts; other values are clamped into this range.
    public static let pngScaleRange = 1...32
    /// The quiet zone widths (in modules) `png(scale:border:)` and `svg(moduleSize:border:title:)` accept;
    /// other values are clamped into this range.
    public static let borderRange = 0...16

    /// Renders the symbol as a black-on-white, 1-bit grayscale PNG.
    ///
    /// The image is `(size + 2 × border) × scale` pixels square. Image data is stored uncompressed (zlib stored
    /// blocks), which keeps the encoder tiny; a version 40 symbol at the defaults is about 270 KiB.
    ///
    /// - Parameters:
    ///   - scale: Pixels per module. Clamped to `pngScaleRange` (1…32).
    ///   - border: Light quiet zone around the symbol, in modules. The standard asks for 4. Clamped to
    ///     `borderRange` (0…16).
    /// - Returns: The bytes of a complete PNG file.
    public func png(scale: Int = 8, border: Int = 4) -> [UInt8] {
        let scale = scale.clamped(to: Self.pngScaleRange)
        let border = border.clamped(to: Self.borderRange)
        let width = (size + 2 * border) * scale
        var rows: [[UInt8]] = []
        rows.reserveCapacity(width)
        for moduleY in -border..<(size + border) {
            let row = PNGWriter.packedRow(width: width) { self[$0 / scale - border, moduleY] }
            rows += repeatElement(row, count: scale)
        }
        return PNGWriter.blackAndWhiteImage(width: width, rows: rows)
    }
}
