import Foundation
import Testing

@testable import ConciergeConnectors

@Suite("InboundEmail reads header fields")
struct InboundEmailHeaderTests {
    private static let thunderbirdReply = """
        Received: from mx.example.net (mx.example.net [203.0.113.5])
        \tby mail.acme.example with ESMTPS id 4Xk2;
        \tMon, 23 Nov 2026 10:15:02 +0800
        Received: from [192.168.1.20] by mx.example.net; Mon, 23 Nov 2026 02:15:00 +0000
        Message-ID: <5f2c1a9e-1d2b-4c3a-9e8f-0a1b2c3d4e5f@example.net>
        Date: Mon, 23 Nov 2026 10:14:58 +0800
        MIME-Version: 1.0
        User-Agent: Mozilla Thunderbird
        X-Mailer: Thunderbird 128.4.0
        From: "Doe, Jane" <jane.doe@example.net>
        Reply-To: Jane Support Desk <desk@example.net>
        To: Acme Support <support@acme.example>, "=?UTF-8?B?5byg5LiJ?=" <zhang.san@acme.example>
        Cc: ops@acme.example (Ops Team), Undisclosed: ;
        Subject: Re: Printer keeps jamming on the
         second floor
        In-Reply-To: <ticket-1234.1@acme.example>
        References: <ticket-1234.0@acme.example>
         <ticket-1234.1@acme.example>
        Content-Type: text/plain; charset=UTF-8; format=flowed
        Content-Transfer-Encoding: 7bit

        It jammed again this morning.

        """

    @Test("From, Reply-To, To and Cc give mailboxes with decoded display names")
    func addressesAreParsed() throws {
        // given
        let raw = Self.thunderbirdReply

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.from == EmailAddress("jane.doe@example.net", displayName: "Doe, Jane"))
        #expect(email.replyTo == [EmailAddress("desk@example.net", displayName: "Jane Support Desk")])
        #expect(
            email.to == [
                EmailAddress("support@acme.example", displayName: "Acme Support"),
                EmailAddress("zhang.san@acme.example", displayName: "张三"),
            ]
        )
        #expect(email.cc == [EmailAddress("ops@acme.example", displayName: "Ops Team")])
    }

    @Test("a folded subject is unfolded into one line")
    func foldedSubjectIsUnfolded() throws {
        // given
        let raw = Self.thunderbirdReply

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.subject == "Re: Printer keeps jamming on the second floor")
    }

    @Test("Message-ID, In-Reply-To and References lose their angle brackets")
    func threadingIdentifiersAreParsed() throws {
        // given
        let raw = Self.thunderbirdReply

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.messageID == "5f2c1a9e-1d2b-4c3a-9e8f-0a1b2c3d4e5f@example.net")
        #expect(email.inReplyTo == ["ticket-1234.1@acme.example"])
        #expect(email.references == ["ticket-1234.0@acme.example", "ticket-1234.1@acme.example"])
    }

    @Test("the Date field gives the instant in UTC")
    func dateIsParsed() throws {
        // given
        let raw = Self.thunderbirdReply

        // when
        let email = try InboundTestMail.parse(raw)

        // then: 10:14:58 +0800 is 02:14:58 UTC
        #expect(email.date == Date(timeIntervalSince1970: 1_795_400_098))
    }

    @Test("header lookup ignores case and keeps every field in order")
    func headersAreLookedUpCaseInsensitively() throws {
        // given
        let raw = Self.thunderbirdReply

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.headers["x-mailer"] == "Thunderbird 128.4.0")
        #expect(email.headers["X-MAILER"] == "Thunderbird 128.4.0")
        #expect(email.headers.contains("user-agent"))
        #expect(email.headers["X-Missing"] == nil)
        #expect(email.headers.fields.first?.name == "Received")
        #expect(email.headers.fields.count == 16)
    }

    @Test("repeated fields are all returned, folded ones unfolded")
    func repeatedFoldedFieldsAreReturnedInOrder() throws {
        // given
        let raw = Self.thunderbirdReply

        // when
        let received = try InboundTestMail.parse(raw).headers.all("received")

        // then
        #expect(received.count == 2)
        #expect(received.first?.hasPrefix("from mx.example.net (mx.example.net [203.0.113.5])\tby mail.acme") == true)
        #expect(received.first?.hasSuffix("Mon, 23 Nov 2026 10:15:02 +0800") == true)
        #expect(received.last == "from [192.168.1.20] by mx.example.net; Mon, 23 Nov 2026 02:15:00 +0000")
    }

    @Test("decoded header lookup decodes encoded-words of any field")
    func decodedLookupDecodesEncodedWords() throws {
        // given
        let raw = """
            From: a@example.net
            X-Customer-Name: =?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?=
            Subject: hi

            body
            """

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.headers["X-Customer-Name"] == "=?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?=")
        #expect(email.headers.decoded("x-customer-name") == "José García")
    }

    @Test("a message with bare LF line ends reads like one with CRLF")
    func lineFeedOnlyInputIsAccepted() throws {
        // given
        let lf = Array(Self.thunderbirdReply.utf8)
        let crlf = InboundTestMail.crlf(Self.thunderbirdReply)

        // when
        let fromLF = try InboundEmail.parse(lf)
        let fromCRLF = try InboundEmail.parse(crlf)

        // then
        #expect(fromLF.textBody == "It jammed again this morning.\n")
        #expect(fromLF == fromCRLF)
    }

    @Test("an mbox From_ separator line before the header fields is skipped")
    func mboxSeparatorIsSkipped() throws {
        // given
        let raw = """
            From ann@example.org Mon Nov 23 10:14:58 2026
            From: Ann <ann@example.org>
            Subject: exported from a mailbox

            Hello
            """

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.from?.address == "ann@example.org")
        #expect(email.headers.fields.map(\.name) == ["From", "Subject"])
        #expect(email.textBody == "Hello")
    }

    @Test("bare addresses, bracketed addresses without names and a name in a comment")
    func addressFormsWithoutDisplayNames() throws {
        // given
        let raw = """
            From: <billing@example.org>
            To: first@example.org, second@example.org (Second Person), <third@example.org>
            Subject: forms

            x
            """

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.from == EmailAddress("billing@example.org"))
        #expect(email.to.map(\.address) == ["first@example.org", "second@example.org", "third@example.org"])
        #expect(email.to.map(\.displayName) == [nil, "Second Person", nil])
    }

    @Test("missing optional fields give empty values instead of errors")
    func missingFieldsAreEmpty() throws {
        // given
        let raw = """
            X-Only: one field

            just a body
            """

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.from == nil)
        #expect(email.to.isEmpty)
        #expect(email.subject == "")
        #expect(email.messageID == nil)
        #expect(email.date == nil)
        #expect(email.textBody == "just a body")
    }
}
