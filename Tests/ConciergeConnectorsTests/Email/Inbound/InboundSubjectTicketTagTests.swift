import Testing

@testable import ConciergeConnectors

@Suite("Ticket tags and reply prefixes in subjects")
struct InboundSubjectTicketTagTests {
    private static func email(subject: String) throws -> InboundEmail {
        try InboundTestMail.parse("From: a@example.org\nSubject: \(subject)\n\nx")
    }

    @Test(
        "bracketed tags give the ticket number",
        arguments: [
            ("Re: [#1234] Printer broken", 1234), ("[# 1234 ] Printer broken", 1234), ("[ #42] x", 42),
            ("回复：［#1234］打印机坏了", 1234), ("Printer broken [#7]", 7), ("［＃56］退款", 56),
            ("Fwd: [#12] and [#34]", 12),
        ]
    )
    func tagGivesNumber(subject: String, number: Int) throws {
        // given / when
        let email = try Self.email(subject: subject)

        // then
        #expect(email.ticketNumberInSubject == number)
    }

    @Test(
        "text that is not a bracketed tag gives no number",
        arguments: [
            "Ticket #1234", "#1234", "[1234]", "[#]", "Order [#abc]", "Re: Printer broken",
            "[#99999999999999999999999]", "[#１２３]",
        ]
    )
    func nonTagsGiveNil(subject: String) throws {
        // given / when
        let email = try Self.email(subject: subject)

        // then
        #expect(email.ticketNumberInSubject == nil)
    }

    @Test("an encoded subject is decoded before the tag is looked for")
    func tagInEncodedSubject() throws {
        // given: "回复：[#88] 打印机无法连接" in GB2312
        let email = try Self.email(subject: "=?gb2312?B?u9i4tKO6WyM4OF0gtPLTobv6zt63qMGsvdM=?=")

        // then
        #expect(email.ticketNumberInSubject == 88)
    }

    @Test(
        "reply and forward prefixes are stripped, repeatedly and in many languages",
        arguments: [
            ("Re: Printer broken", "Printer broken"), ("RE: RE: Fwd: Printer broken", "Printer broken"),
            ("FW: Printer broken", "Printer broken"), ("回复：打印机坏了", "打印机坏了"),
            ("回复: 回复：打印机坏了", "打印机坏了"), ("答复： 发票", "发票"), ("转发：发票", "发票"),
            ("Antw: Drucker", "Drucker"), ("AW: WG: Drucker", "Drucker"), ("Re[2]: Printer", "Printer"),
            ("re : Printer", "Printer"),
        ]
    )
    func prefixesAreStripped(subject: String, stripped: String) throws {
        // given / when
        let email = try Self.email(subject: subject)

        // then
        #expect(email.strippedSubject == stripped)
    }

    @Test(
        "the ticket tag is removed wherever it is, prefixes around it too",
        arguments: [
            ("Re: [#1234] Printer broken", "Printer broken"), ("[#1234] Re: Printer broken", "Printer broken"),
            ("回复：［#1234］ 打印机坏了", "打印机坏了"), ("Printer broken [#1234]", "Printer broken"),
            ("RE: [ #1234 ]   Printer   broken", "Printer broken"),
        ]
    )
    func tagIsRemoved(subject: String, stripped: String) throws {
        // given / when
        let email = try Self.email(subject: subject)

        // then
        #expect(email.strippedSubject == stripped)
    }

    @Test("words that only begin like a prefix are kept", arguments: ["Regarding: invoice", "Fwdx: x", "Rebate"])
    func lookalikePrefixesAreKept(subject: String) throws {
        // given / when
        let email = try Self.email(subject: subject)

        // then
        #expect(email.strippedSubject == subject)
    }
}
