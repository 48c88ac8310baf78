import ConciergeDomain
import Testing

/// What customers mail in and upload: accepted when the bytes match the type, refused otherwise.
@Suite struct AttachmentPolicyTests {
    let policy = AttachmentPolicy(maxBytes: 1024)
    static let compound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]

    @Test(arguments: [
        ("IMG_0001.HEIC", "image/heic", [UInt8]([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70])),
        ("clip.mov", "video/quicktime", [0, 0, 0, 0x14, 0x66, 0x74, 0x79, 0x70]),
        ("转发的邮件.eml", "message/rfc822", Array("From: a@example.cn\r\n".utf8)),
        ("报价.msg", "application/vnd.ms-outlook", compound),
        ("old.doc", "application/msword", compound),
        ("old.xls", "application/vnd.ms-excel; name=old.xls", compound),
        ("logs.7z", "application/x-7z-compressed", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0]),
        ("scan.tif", "image/tiff", [0x49, 0x49, 0x2A, 0x00, 1]),
    ])
    func commonMailAttachmentsAreAccepted(_ name: String, _ type: String, _ bytes: [UInt8]) throws {
        let (_, normalized) = try policy.validate(filename: name, contentType: type, bytes: bytes)
        #expect(normalized == type.split(separator: ";")[0].lowercased())
    }

    @Test func bytesThatBelieTheTypeAreRefused() {
        let error = validationError {
            try policy.validate(filename: "x.doc", contentType: "application/msword", bytes: Array("<html>".utf8))
        }
        #expect(error?.code == "content_mismatch")
        let html = validationError {
            try policy.validate(filename: "x.html", contentType: "text/html", bytes: Array("<html>".utf8))
        }
        #expect(html?.code == "unsupported_type")
    }
}
