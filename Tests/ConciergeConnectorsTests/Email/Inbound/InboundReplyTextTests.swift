import Testing

@testable import ConciergeConnectors

@Suite("Reply text is cut from the quoted conversation")
struct InboundReplyTextTests {
    private static let extractor = InboundReplyTextExtractor()

    @Test("Gmail: cut at On … wrote:, also when wrapped over two lines")
    func gmailAttribution() {
        // given
        let oneLine =
            "Thanks, that fixed it.\n\nOn Mon, Nov 23, 2026 at 10:00 AM Acme <support@acme.example> wrote:\n> Try again"
        let wrapped =
            "Thanks, that fixed it.\n\nOn Mon, Nov 23, 2026 at 10:00 AM Acme Support <\n"
            + "support@acme.example> wrote:\n> x"

        // when / then
        #expect(Self.extractor.replyText(from: oneLine) == "Thanks, that fixed it.")
        #expect(Self.extractor.replyText(from: wrapped) == "Thanks, that fixed it.")
    }

    @Test("Outlook: cut at -----Original Message-----")
    func outlookOriginalMessage() {
        // given
        let body = "Please call me.\r\n\n-----Original Message-----\nFrom: Acme\nSent: Monday\n\nOld text"

        // when
        let text = Self.extractor.replyText(from: body)

        // then
        #expect(text == "Please call me.")
    }

    @Test("Outlook: cut at a From:/Sent: header block and the underscore rule above it")
    func outlookHeaderBlock() {
        // given
        let body = """
            Still broken.

            ________________________________
            From: Acme Support <support@acme.example>
            Sent: Monday, November 23, 2026 9:00 AM
            To: Chris
            Subject: [#1234] Printer
            """

        // when
        let text = Self.extractor.replyText(from: body)

        // then
        #expect(text == "Still broken.")
    }

    @Test("a From: line without Sent: or Date: below it is the customer's text")
    func lonelyFromLineIsKept() {
        // given
        let body = "The error says:\nFrom: printer spooler\nAccess denied\nPlease help."

        // when
        let text = Self.extractor.replyText(from: body)

        // then
        #expect(text == body)
    }

    @Test("QQ Mail: cut at ------------------ 原始邮件 ------------------")
    func qqMailOriginalMessage() {
        // given
        let body = """
            好的，谢谢！

            ------------------ 原始邮件 ------------------
            发件人: "Acme客服"<support@acme.example>;
            发送时间: 2026年11月23日(星期一) 上午10:00
            收件人: "王五"<12345678@qq.com>;
            主题: [#88] 打印机无法连接
            """

        // when
        let text = Self.extractor.replyText(from: body)

        // then
        #expect(text == "好的，谢谢！")
    }

    @Test("Foxmail and Chinese Outlook: cut at a 发件人：/发送时间： block")
    func chineseHeaderBlock() {
        // given
        let body = "已收到。\n\n发件人：Acme客服\n发送时间：2026-11-23 10:00\n收件人：王五\n主题：[#88] 打印机"
        let halfWidth = "已收到。\n发件人: Acme客服\n日期: 2026-11-23\n旧内容"

        // when / then
        #expect(Self.extractor.replyText(from: body) == "已收到。")
        #expect(Self.extractor.replyText(from: halfWidth) == "已收到。")
    }

    @Test("Chinese attribution: cut at 在 … 写道：")
    func chineseAttribution() {
        // given
        let body = "已经重启过了，还是不行。\n\n在 2026年11月23日 10:00，Acme 客服 <support@acme.example> 写道：\n> 请重启"
        let original = "好的\n-----原始邮件-----\n发件人: Acme"

        // when / then
        #expect(Self.extractor.replyText(from: body) == "已经重启过了，还是不行。")
        #expect(Self.extractor.replyText(from: original) == "好的")
    }

    @Test("the platform's separator line drops everything from it down")
    func separatorLine() {
        // given
        let body =
            "Works now, thanks.\n\n##- 请在此线以上回复 / Please reply above this line -##\n\nYour ticket [#1234] was updated."
        let custom = InboundReplyTextExtractor(separator: "=== reply above ===")

        // when / then
        #expect(Self.extractor.replyText(from: body) == "Works now, thanks.")
        #expect(custom.replyText(from: "New\n> === reply above ===\nOld") == "New")
        #expect(InboundReplyTextExtractor(separator: nil).replyText(from: body).contains("was updated"))
    }

    @Test("trailing >-quoted lines are dropped, quoted lines inside the reply are kept")
    func trailingQuotedLines() {
        // given
        let body = "You wrote:\n> the printer is offline\nIt is online now.\n\n> old line 1\n>\n> old line 2\n"

        // when
        let text = Self.extractor.replyText(from: body)

        // then
        #expect(text == "You wrote:\n> the printer is offline\nIt is online now.")
    }

    @Test("trailing whitespace and a trailing -- separator are trimmed, other dashes are kept")
    func signatureSeparatorTrimming() {
        // given
        let dangling = "Thanks!\n-- \n\n  \n"
        let withSignature = "Thanks!\n-- \nAnn Customer\nACME Corp"
        let plainDashes = "Steps:\n--\n"

        // when / then
        #expect(Self.extractor.replyText(from: dangling) == "Thanks!")
        #expect(Self.extractor.replyText(from: withSignature) == withSignature)
        #expect(Self.extractor.replyText(from: plainDashes) == "Steps:\n--")
    }

    @Test("a forward without a comment has no reply text")
    func quoteOnlyBodyIsEmpty() {
        // given
        let body = "\n-----Original Message-----\nFrom: x\nSent: y\n"

        // when
        let text = Self.extractor.replyText(from: body)

        // then
        #expect(text == "")
    }

    @Test("an email's replyText cuts its text body, also one converted from HTML")
    func replyTextOfHTMLOnlyEmail() throws {
        // given
        let raw = """
            From: chris@contoso.example
            Content-Type: text/html; charset=utf-8

            <div>Approved &#x2714;</div><div><br></div><hr><div><b>From:</b> Acme<br><b>Sent:</b> Monday<br>Hi</div>
            """

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.replyText == "Approved ✔")
        #expect(email.replyText(using: InboundReplyTextExtractor(separator: "Approved")) == "")
    }
}
