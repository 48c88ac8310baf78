import Testing

@testable import ConciergeConnectors

@Suite("InboundEmail decodes charsets and encoded-words")
struct InboundEmailCharsetTests {
    /// A reply from QQ Mail / Foxmail: GB2312-labelled encoded-words and a base64 GBK body with
    /// a character (喆) that GB2312 does not have.
    private static func foxmailReply() throws -> [UInt8] {
        let text = "您好，打印机还是连不上，麻烦再看一下。\n王喆\n\n在 2026年11月23日 10:00，Acme 客服 写道：\n> 请重启打印机后再试。\n"
        let gbkBody = InboundTestMail.base64(try InboundTestMail.encoded(text, as: "GBK"))
        let html = try InboundTestMail.encoded("<div>您好，打印机还是连不上</div>", as: "GBK")
        let head = """
            Date: Tue, 24 Nov 2026 09:05:33 +0800
            From: "=?gb2312?B?zfXO5Q==?=" <12345678@qq.com>
            To: "support" <support@acme.example>
            Subject: =?gb2312?B?u9i4tKO6WyM4OF0gtPLTobv6zt63qMGsvdM=?=
            Mime-Version: 1.0
            Message-ID: <202611240905330123456@qq.com>
            X-Mailer: Foxmail 7.2.25.375[cn]
            Content-Type: multipart/alternative;
            \tboundary="----=_001_NextPart123456789012_=----"

            This is a multi-part message in MIME format.

            ------=_001_NextPart123456789012_=----
            Content-Type: text/plain;
            \tcharset="GB2312"
            Content-Transfer-Encoding: base64

            \(gbkBody)

            ------=_001_NextPart123456789012_=----
            Content-Type: text/html;
            \tcharset="GB2312"
            Content-Transfer-Encoding: 8bit


            """
        return InboundTestMail.crlf(head) + html
            + InboundTestMail.crlf("\n\n------=_001_NextPart123456789012_=------\n")
    }

    @Test("Foxmail: a GB2312 B-encoded subject and sender name are decoded")
    func foxmailHeadersAreDecoded() throws {
        // given
        let raw = try Self.foxmailReply()

        // when
        let email = try InboundEmail.parse(raw)

        // then
        #expect(email.subject == "回复：[#88] 打印机无法连接")
        #expect(email.from == EmailAddress("12345678@qq.com", displayName: "王五"))
    }

    @Test("Foxmail: a GB2312-labelled base64 body with GBK-only characters is decoded as GB18030")
    func foxmailBodyIsDecoded() throws {
        // given
        let raw = try Self.foxmailReply()

        // when
        let email = try InboundEmail.parse(raw)

        // then
        #expect(email.textBody.hasPrefix("您好，打印机还是连不上，麻烦再看一下。\n王喆\n"))
        #expect(email.htmlBody == "<div>您好，打印机还是连不上</div>\n")
        #expect(email.replyText == "您好，打印机还是连不上，麻烦再看一下。\n王喆")
        #expect(email.ticketNumberInSubject == 88)
        #expect(email.strippedSubject == "打印机无法连接")
    }

    @Test("Big5 subject and body from a Taiwanese client")
    func big5IsDecoded() throws {
        // given
        let subject = try InboundTestMail.encodedWord("繁體中文測試", charset: "Big5")
        let body = try InboundTestMail.encoded("請協助處理退款。", as: "Big5")
        let raw =
            InboundTestMail.crlf(
                "From: tw@example.tw\nSubject: \(subject)\nContent-Type: text/plain; charset=big5\n"
                    + "Content-Transfer-Encoding: 8bit\n\n"
            ) + body

        // when
        let email = try InboundEmail.parse(raw)

        // then
        #expect(email.subject == "繁體中文測試")
        #expect(email.textBody == "請協助處理退款。")
    }

    @Test(
        "legacy charsets of Japan, Korea and Western Europe",
        arguments: [
            ("Shift_JIS", "お問い合わせありがとうございます。"), ("EUC-KR", "안녕하세요, 환불 요청입니다."),
            ("windows-1252", "Grüße – “quoted” €"), ("ISO-8859-1", "Crème brûlée, señor"),
            ("ISO-2022-JP", "注文番号を確認してください"),
        ]
    )
    func legacyCharsetBodies(charset: String, text: String) throws {
        // given
        let body = InboundTestMail.base64(try InboundTestMail.encoded(text, as: charset))
        let raw = """
            From: a@example.org
            Content-Type: text/plain; charset="\(charset)"
            Content-Transfer-Encoding: base64

            \(body)
            """

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.textBody == text)
    }

    @Test("ISO-2022-JP encoded-words, a stateful encoding, are decoded")
    func iso2022EncodedWordIsDecoded() throws {
        // given
        let subject = try InboundTestMail.encodedWord("お見積もりの件", charset: "ISO-2022-JP")

        // when
        let email = try InboundTestMail.parse("From: jp@example.jp\nSubject: \(subject)\n\nx")

        // then
        #expect(email.subject == "お見積もりの件")
    }

    @Test("a character split across two encoded-words survives, and the space between them goes")
    func splitMultibyteCharacterIsJoined() throws {
        // given: 你 (E4 BD A0) split after its second byte
        let raw = "From: a@example.org\nSubject: =?UTF-8?B?5L0=?=\n =?UTF-8?B?oOWlvQ==?= world\n\nx"

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.subject == "你好 world")
    }

    @Test("Q encoding: underscores are spaces, escapes are bytes, plain text keeps its spaces")
    func qEncodedWordsAreDecoded() throws {
        // given
        let raw = "From: a@example.org\nSubject: Re: =?ISO-8859-1?q?Caf=E9_cr=E8me?= and =?utf-8?Q?na=C3=AFve?=\n\nx"

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.subject == "Re: Café crème and naïve")
    }

    @Test("raw 8-bit header fields are read as UTF-8, or as GBK when they are not UTF-8")
    func rawEightBitHeadersAreDecoded() throws {
        // given
        let utf8 = InboundTestMail.crlf("From: 李雷 <lilei@example.cn>\nSubject: 发票问题\n\nx")
        let gbk =
            InboundTestMail.crlf("From: a@example.cn\nSubject: ") + (try InboundTestMail.encoded("发票问题", as: "GBK"))
            + InboundTestMail.crlf("\n\nx")

        // when
        let fromUTF8 = try InboundEmail.parse(utf8)
        let fromGBK = try InboundEmail.parse(gbk)

        // then
        #expect(fromUTF8.subject == "发票问题")
        #expect(fromUTF8.from?.displayName == "李雷")
        #expect(fromGBK.subject == "发票问题")
    }

    @Test("an unknown charset is read as UTF-8 when valid, else as ISO-8859-1, without throwing")
    func unknownCharsetFallsBack() throws {
        // given
        let head = "From: a@example.org\nContent-Type: text/plain; charset=x-made-up\n\n"
        let utf8 = InboundTestMail.crlf(head + "naïve 你好")
        let latin1 = InboundTestMail.crlf(head) + [0x63, 0x61, 0x66, 0xE9]

        // when
        let fromUTF8 = try InboundEmail.parse(utf8)
        let fromLatin1 = try InboundEmail.parse(latin1)

        // then
        #expect(fromUTF8.textBody == "naïve 你好")
        #expect(fromLatin1.textBody == "café")
    }

    @Test("a text part without charset holding GBK bytes is read as GB18030")
    func unlabelledGBKBodyIsDecoded() throws {
        // given
        let raw =
            InboundTestMail.crlf("From: a@example.cn\nContent-Type: text/plain\n\n")
            + (try InboundTestMail.encoded("请尽快回复", as: "GBK"))

        // when
        let email = try InboundEmail.parse(raw)

        // then
        #expect(email.textBody == "请尽快回复")
    }

    @Test("an HTML part without charset uses the charset of its meta element")
    func htmlMetaCharsetIsUsed() throws {
        // given
        let html = try InboundTestMail.encoded(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
                + "<body><p>退货申请</p></body></html>",
            as: "GB2312"
        )
        let raw = InboundTestMail.crlf("From: a@example.cn\nContent-Type: text/html\n\n") + html

        // when
        let email = try InboundEmail.parse(raw)

        // then
        #expect(email.textBody == "退货申请")
    }

    @Test("invalid bytes in a declared charset become replacement characters instead of failing")
    func invalidBytesAreReplaced() throws {
        // given: 0xFF is not valid in GB18030 or UTF-8
        let raw =
            InboundTestMail.crlf("From: a@example.cn\nContent-Type: text/plain; charset=gbk\n\n")
            + [0xC4, 0xE3, 0xFF, 0xBA, 0xC3]

        // when
        let email = try InboundEmail.parse(raw)

        // then
        #expect(email.textBody == "你\u{FFFD}好")
    }
}
