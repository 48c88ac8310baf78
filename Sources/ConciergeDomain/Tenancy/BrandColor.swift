import Foundation

/// A tenant's brand colour: the header and buttons of its pages take it on.
///
/// Always stored as `#rrggbb` in lowercase, so it can be written into generated CSS as it is:
/// nothing but `#` and hex digits ever reaches a style sheet.
public struct BrandColor: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `#rrggbb`, lowercase.
    public let hex: String

    /// Reads `#rgb` or `#rrggbb` (any case, surrounding spaces ignored).
    /// - Throws: ``ValidationError`` `invalid_color` on `field`.
    public init(_ text: String, field: String = "brand_color") throws(ValidationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = Array(trimmed.utf8.dropFirst())
        let isHex = { (byte: UInt8) in (48...57).contains(byte) || (97...102).contains(byte) }
        guard trimmed.hasPrefix("#"), digits.count == 3 || digits.count == 6, digits.allSatisfy(isHex) else {
            throw ValidationError(
                field: field, code: "invalid_color", message: "must be a hex colour such as #1f6feb")
        }
        hex = digits.count == 6 ? trimmed : "#" + String(decoding: digits.flatMap { [$0, $0] }, as: UTF8.self)
    }

    public var description: String { hex }

    /// The red, green and blue channels, 0–255.
    public var channels: (red: Int, green: Int, blue: Int) {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        return ((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff)
    }

    /// Whether text on this colour reads better dark than white: the WCAG relative luminance,
    /// with white text kept down to the luminance where both contrast ratios are equal (≈ 0.18).
    public var prefersDarkText: Bool {
        func linear(_ channel: Int) -> Double {
            let value = Double(channel) / 255
            return value <= 0.039_28 ? value / 12.92 : Foundation.pow((value + 0.055) / 1.055, 2.4)
        }
        let (red, green, blue) = channels
        let luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
        return luminance > 0.179
    }

    public init(from decoder: any Decoder) throws {
        self = try BrandColor(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
