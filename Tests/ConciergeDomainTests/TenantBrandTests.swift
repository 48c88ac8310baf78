import ConciergeDomain
import Foundation
import Testing

@Suite("Tenant brand: colour and logo")
struct TenantBrandTests {
    @Test(arguments: [
        ("#1f6feb", "#1f6feb"), ("#1F6FEB", "#1f6feb"), (" #0a7d55 ", "#0a7d55"), ("#0AF", "#00aaff"),
        ("#fff", "#ffffff"),
    ])
    func hexColoursAreReadAsLowercaseSixDigits(_ text: String, _ hex: String) throws {
        #expect(try BrandColor(text).hex == hex)
    }

    @Test(arguments: ["", "#", "1f6feb", "#1f6fe", "#1f6febb", "#ggg", "red", "#12345z", "#1f6feb;}", "url(x)"])
    func anythingButHexIsRefused(_ text: String) {
        let error = validationError { try BrandColor(text) }
        #expect(error?.field == "brand_color")
        #expect(error?.code == "invalid_color")
    }

    @Test(arguments: [("#ffffff", true), ("#fff8c5", true), ("#1d2430", false), ("#0a7d55", false), ("#1f6feb", false)])
    func textOnTheColourIsDarkOnlyOnLightColours(_ hex: String, _ dark: Bool) throws {
        #expect(try BrandColor(hex).prefersDarkText == dark)
    }

    @Test func settingsChangeSetsChecksAndClearsTheColour() throws {
        // given a tenant with a colour
        var tenant = try TenantSettingsChangeTests.tenant()
        tenant.brandColor = try BrandColor("#123456")
        // then leaving it out keeps it, a new one replaces it, nil clears it
        #expect(TenantSettingsChange(name: "x").applied(to: tenant).brandColor?.hex == "#123456")
        #expect(TenantSettingsChange(brandColor: "#ABC").applied(to: tenant).brandColor?.hex == "#aabbcc")
        #expect(TenantSettingsChange(brandColor: .some(nil)).applied(to: tenant).brandColor == nil)
        // and a bad one fails validation on its field
        #expect(validationError { try TenantSettingsChange(brandColor: "blue").validate() }?.field == "brand_color")
    }

    @Test func aLogoIsDescribedByItsTypeAndADigestOfItsBytes() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
        let logo = try TenantLogo.describe(contentType: "Image/PNG; charset=binary", bytes: png)
        #expect(logo.contentType == "image/png")
        #expect(logo.version.count == 16)
        #expect(logo.version.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(try TenantLogo.describe(contentType: "image/png", bytes: png + [4]).version != logo.version)
        let webp = Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)
        #expect(try TenantLogo.describe(contentType: "image/webp", bytes: webp).contentType == "image/webp")
    }

    @Test(arguments: [
        ("image/png", [UInt8](), "empty_file"),
        ("image/svg+xml", Array("<svg onload=alert(1)>".utf8), "unsupported_type"),
        ("text/html", Array("<html>".utf8), "unsupported_type"),
        ("image/png", Array("GIF89a".utf8), "content_mismatch"),
        ("image/webp", Array("RIFF\u{0}\u{0}\u{0}\u{0}AVI LIST".utf8), "content_mismatch"),
        ("image/jpeg", [0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: TenantLogo.maxBytes), "file_too_large"),
    ])
    func aLogoThatIsNotASmallRasterImageIsRefused(_ type: String, _ bytes: [UInt8], _ code: String) {
        let error = validationError { try TenantLogo.describe(contentType: type, bytes: bytes) }
        #expect(error?.field == "logo")
        #expect(error?.code == code)
    }
}
