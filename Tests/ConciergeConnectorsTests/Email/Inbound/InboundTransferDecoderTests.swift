import Testing

@testable import ConciergeConnectors

@Suite("Transfer encodings are undone tolerantly")
struct InboundTransferDecoderTests {
    @Test("quoted-printable: escapes in either case, soft breaks, a stray = kept, trailing spaces dropped")
    func quotedPrintableDetails() {
        // given
        let body = Array("caf=C3=a9 =3D ok=\r\n  joined   \r\n50% = half=\r\nend".utf8)

        // when
        let decoded = InboundTransferDecoder.decode(body[...], encoding: " Quoted-Printable ")

        // then
        #expect(String(decoding: decoded, as: UTF8.self) == "café = ok  joined\r\n50% = halfend")
    }

    @Test("base64: characters outside the alphabet are skipped, padding ends the data")
    func base64Details() {
        // given
        let body = Array("5L2g\r\n5aW9\t*!\n==ignored".utf8)

        // when
        let decoded = InboundTransferDecoder.decode(body[...], encoding: "BASE64")

        // then
        #expect(String(decoding: decoded, as: UTF8.self) == "你好")
    }

    @Test("7bit, 8bit, binary and unknown encodings leave the bytes as they are")
    func identityEncodings() {
        // given
        let body: [UInt8] = [0x00, 0xFF, 0x3D, 0x34, 0x31]

        // when / then
        for encoding in ["7bit", "8bit", "binary", "x-uuencode", nil] {
            #expect(InboundTransferDecoder.decode(body[...], encoding: encoding) == body)
        }
    }

    @Test("line breaks smuggled into a subject through encoded-words become spaces")
    func subjectControlCharactersAreNeutralised() throws {
        // given: "Hi\r\nBcc: x@evil.example" as a B encoded-word
        let raw = "From: a@example.org\nSubject: =?UTF-8?B?SGkNCkJjYzogeEBldmlsLmV4YW1wbGU=?=\n\nx"

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.subject == "Hi  Bcc: x@evil.example")
    }

    @Test("an encoded-word in an unknown charset or encoding does not fail the message")
    func unknownEncodedWordsAreTolerated() throws {
        // given
        let raw = "From: a@example.org\nSubject: =?x-unknown?B?aGVsbG8=?= =?UTF-8?X?abc?=\n\nx"

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.subject == "hello =?UTF-8?X?abc?=")
    }
}
