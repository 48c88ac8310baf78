import Foundation

/// The logo a tenant shows in the header of its pages: which image it is, not its bytes.
///
/// Raster images only (PNG, JPEG, GIF, WebP), checked by their leading bytes: an SVG could carry
/// script, and the pages' policy serves images from this site only.
public struct TenantLogo: Sendable, Equatable, Codable {
    /// `image/png`, `image/jpeg`, `image/gif` or `image/webp`.
    public var contentType: String
    /// A digest of the bytes (16 hex digits): logo URLs carry it, so a new logo is fetched at once.
    public var version: String

    /// The largest logo accepted, in bytes.
    public static let maxBytes = 256 * 1024

    /// The accepted content types with the bytes each must start with.
    static let signatures: [String: [UInt8]] = [
        "image/png": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        "image/jpeg": [0xFF, 0xD8, 0xFF],
        "image/gif": [0x47, 0x49, 0x46, 0x38],
        "image/webp": [0x52, 0x49, 0x46, 0x46],
    ]

    public init(contentType: String, version: String) {
        self.contentType = contentType
        self.version = version
    }

    /// Checks an uploaded image and describes it.
    /// - Throws: ``ValidationError`` on `logo`: `empty_file` (no bytes), `unsupported_type` (not
    ///   one of the four types), `file_too_large` or `content_mismatch` (the bytes are not the
    ///   type they claim).
    public static func describe(contentType: String, bytes: [UInt8]) throws(ValidationError) -> TenantLogo {
        let type =
            contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard !bytes.isEmpty else {
            throw ValidationError(field: "logo", code: "empty_file", message: "no image was sent")
        }
        guard let signature = signatures[type] else {
            throw ValidationError(
                field: "logo", code: "unsupported_type", message: "must be a PNG, JPEG, GIF or WebP image")
        }
        guard bytes.count <= maxBytes else {
            throw ValidationError(
                field: "logo", code: "file_too_large", message: "must be at most \(maxBytes / 1024) KB")
        }
        let isWebP = type != "image/webp" || (bytes.count > 12 && Array(bytes[8..<12]) == Array("WEBP".utf8))
        guard bytes.starts(with: signature), isWebP else {
            throw ValidationError(field: "logo", code: "content_mismatch", message: "the bytes are not a \(type) image")
        }
        let digest = SHA256Digest.hash(bytes).prefix(8).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return TenantLogo(contentType: type, version: digest.joined())
    }
}

/// A logo with its bytes, as stored and served.
public struct TenantLogoImage: Sendable, Equatable {
    public var logo: TenantLogo
    public var bytes: [UInt8]

    public init(logo: TenantLogo, bytes: [UInt8]) {
        self.logo = logo
        self.bytes = bytes
    }
}
