/// The short, URL-safe name of a tenant (`acme`), unique across the platform.
///
/// Lowercase ASCII letters, digits and inner hyphens, 2–40 characters, starting with a letter.
/// It appears in host names (`acme.example.com`) and in `Tenants/<slug>` folders.
public struct TenantSlug: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The validated text.
    public let rawValue: String

    /// Validates `text`.
    /// - Throws: ``ValidationError`` with field `slug`.
    public init(_ text: String) throws(ValidationError) {
        let bytes = Array(text.utf8)
        let isLetter = { (b: UInt8) in b >= 97 && b <= 122 }
        let isDigit = { (b: UInt8) in b >= 48 && b <= 57 }
        guard (2...40).contains(bytes.count), let first = bytes.first, isLetter(first),
            bytes.last != UInt8(ascii: "-"),
            bytes.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }),
            !text.contains("--")
        else {
            throw ValidationError(
                field: "slug", code: "invalid_slug",
                message: "must be 2-40 lowercase letters, digits or single hyphens, starting with a letter")
        }
        self.rawValue = text
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try TenantSlug(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
