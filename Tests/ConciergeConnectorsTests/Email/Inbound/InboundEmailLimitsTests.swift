import Testing

@testable import ConciergeConnectors

@Suite("InboundEmail refuses what it cannot read or should not try to")
struct InboundEmailLimitsTests {
    /// A message whose body is `depth` multipart/mixed entities nested in one another.
    private static func nestedMessage(depth: Int) -> [UInt8] {
        var body = "Content-Type: text/plain\n\ninnermost"
        for level in (0..<depth).reversed() {
            let boundary = "level\(level)"
            body = "Content-Type: multipart/mixed; boundary=\"\(boundary)\"\n\n--\(boundary)\n\(body)\n--\(boundary)--"
        }
        return InboundTestMail.crlf("From: a@example.org\n" + body)
    }

    @Test("no bytes, or only line breaks, is an empty message", arguments: ["", "\r\n\r\n", "  \n"])
    func emptyInputThrows(raw: String) {
        // given: the raw text

        // then
        #expect(throws: InboundEmailError.empty) { try InboundEmail.parse(Array(raw.utf8)) }
    }

    @Test("text that does not start with a header field is not a message")
    func textWithoutHeadersThrows() {
        // given
        let raw = "Hello, this is not an email.\n\nJust text."

        // then
        #expect(throws: InboundEmailError.noHeaders) { try InboundTestMail.parse(raw) }
    }

    @Test("a message larger than the default 25 MiB is refused before parsing")
    func defaultSizeLimit() {
        // given
        let raw = InboundTestMail.crlf("From: a@example.org\n\n") + [UInt8](repeating: 0x41, count: 25 * 1024 * 1024)

        // then
        #expect(throws: InboundEmailError.tooLarge(limit: 26_214_400)) { try InboundEmail.parse(raw) }
    }

    @Test("a configured size limit applies exactly")
    func configuredSizeLimit() throws {
        // given
        let raw = InboundTestMail.crlf("From: a@example.org\n\n0123456789")
        let exact = InboundEmailLimits(maximumSize: raw.count)
        let smaller = InboundEmailLimits(maximumSize: raw.count - 1)

        // when
        let accepted = try InboundEmail.parse(raw, limits: exact)

        // then
        #expect(accepted.textBody == "0123456789")
        #expect(throws: InboundEmailError.tooLarge(limit: raw.count - 1)) {
            try InboundEmail.parse(raw, limits: smaller)
        }
    }

    @Test("ten nested multiparts are read, eleven exceed the default depth")
    func defaultNestingDepth() throws {
        // given
        let allowed = Self.nestedMessage(depth: 10)
        let tooDeep = Self.nestedMessage(depth: 11)

        // when
        let email = try InboundEmail.parse(allowed)

        // then
        #expect(email.textBody == "innermost")
        #expect(throws: InboundEmailError.nestingTooDeep(limit: 10)) { try InboundEmail.parse(tooDeep) }
    }

    @Test("a configured nesting depth applies")
    func configuredNestingDepth() {
        // given
        let raw = Self.nestedMessage(depth: 3)

        // then
        #expect(throws: InboundEmailError.nestingTooDeep(limit: 2)) {
            try InboundEmail.parse(raw, limits: InboundEmailLimits(maximumNestingDepth: 2))
        }
    }

    @Test("a message with more parts than allowed is refused")
    func partCountLimit() {
        // given: one container and five leaves
        let parts = (1...5).map { "--p\nContent-Type: text/plain\n\npart \($0)\n" }.joined()
        let raw = InboundTestMail.crlf(
            "From: a@example.org\nContent-Type: multipart/mixed; boundary=p\n\n\(parts)--p--")

        // then
        #expect(throws: InboundEmailError.tooManyParts(limit: 5)) {
            try InboundEmail.parse(raw, limits: InboundEmailLimits(maximumPartCount: 5))
        }
        #expect(throws: Never.self) { try InboundEmail.parse(raw, limits: InboundEmailLimits(maximumPartCount: 6)) }
    }

    @Test("errors describe themselves for logs")
    func errorDescriptions() {
        // given
        let error = InboundEmailError.tooLarge(limit: 1024)

        // then
        #expect(error.description == "the message is larger than 1024 bytes")
        #expect(InboundEmailError.nestingTooDeep(limit: 10).description.contains("10 levels"))
    }
}
