import Testing

@Suite("Inbound test fixtures encode like real mail clients")
struct InboundTestEncodingTests {
    @Test("the GBK bytes the fixtures build are those Chinese mail clients send")
    func gbkFixtureMatchesKnownBytes() throws {
        // given
        let text = "你好"

        // when
        let bytes = try InboundTestMail.encoded(text, as: "GBK")

        // then
        #expect(bytes == [0xC4, 0xE3, 0xBA, 0xC3])
    }
}
