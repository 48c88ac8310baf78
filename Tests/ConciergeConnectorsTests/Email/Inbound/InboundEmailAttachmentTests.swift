import Testing

@testable import ConciergeConnectors

@Suite("InboundEmail reads attachments and their names")
struct InboundEmailAttachmentTests {
    /// A message whose only attachment part has these header lines and this base64 body.
    private static func message(attachmentHeaders: String, body: String = "aGVsbG8=") -> String {
        """
        From: a@example.cn
        Subject: files
        Content-Type: multipart/mixed; boundary="==files=="

        --==files==
        Content-Type: text/plain; charset=utf-8

        See attached.
        --==files==
        \(attachmentHeaders)
        Content-Transfer-Encoding: base64

        \(body)
        --==files==--
        """
    }

    @Test("an RFC 2231 UTF-8 file name with percent escapes")
    func rfc2231ExtendedFilename() throws {
        // given
        let raw = Self.message(
            attachmentHeaders: """
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.pdf
                """
        )

        // when
        let attachment = try #require(try InboundTestMail.parse(raw).attachments.first)

        // then
        #expect(attachment.filename == "报价单.pdf")
        #expect(attachment.contentType == "application/pdf")
        #expect(attachment.bytes == Array("hello".utf8))
    }

    @Test("RFC 2231 continuations, encoded and plain, are joined in section order")
    func rfc2231ContinuationsAreJoined() throws {
        // given: sections out of order, the last one plain and quoted
        let raw = Self.message(
            attachmentHeaders: """
                Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document
                Content-Disposition: attachment;
                 filename*1*=%E8%8D%89%E7%A8%BF;
                 filename*0*=UTF-8'zh-cn'%E5%90%88%E5%90%8C;
                 filename*2=".docx"
                """
        )

        // when
        let attachment = try #require(try InboundTestMail.parse(raw).attachments.first)

        // then
        #expect(attachment.filename == "合同草稿.docx")
    }

    @Test("an RFC 2231 name in GBK, as some Chinese clients send")
    func rfc2231GBKFilename() throws {
        // given: 账单 in GBK is D5 CB B5 A5
        let raw = Self.message(
            attachmentHeaders: """
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=gbk''%D5%CB%B5%A5.pdf
                """
        )

        // when
        let attachment = try #require(try InboundTestMail.parse(raw).attachments.first)

        // then
        #expect(attachment.filename == "账单.pdf")
    }

    @Test("an RFC 2047 encoded-word inside a quoted name, as Outlook and Foxmail send")
    func encodedWordInQuotedName() throws {
        // given
        let raw = Self.message(
            attachmentHeaders: """
                Content-Type: application/vnd.ms-excel; name="=?GBK?B?t6LGscP3z7gueGxzeA==?="
                Content-Disposition: attachment; filename="=?GBK?B?t6LGscP3z7gueGxzeA==?="
                """
        )

        // when
        let attachment = try #require(try InboundTestMail.parse(raw).attachments.first)

        // then
        #expect(attachment.filename == "发票明细.xlsx")
        #expect(attachment.contentType == "application/vnd.ms-excel")
    }

    @Test("the extended filename* wins over a plain filename; name of Content-Type is the fallback")
    func filenamePrecedence() throws {
        // given
        let both = Self.message(
            attachmentHeaders: """
                Content-Type: text/plain; name="fallback.txt"
                Content-Disposition: attachment; filename="plain.txt"; filename*=UTF-8''%E6%97%A5%E5%BF%97.txt
                """
        )
        let typeOnly = Self.message(attachmentHeaders: "Content-Type: application/zip; name=\"logs.zip\"")

        // when
        let fromBoth = try InboundTestMail.parse(both).attachments.first
        let fromTypeOnly = try InboundTestMail.parse(typeOnly).attachments.first

        // then
        #expect(fromBoth?.filename == "日志.txt")
        #expect(fromTypeOnly?.filename == "logs.zip")
    }

    @Test("base64 with spaces, broken lines and missing padding still decodes")
    func tolerantBase64() throws {
        // given: "hello world" is aGVsbG8gd29ybGQ= ; written without padding, with whitespace
        let raw = Self.message(
            attachmentHeaders: "Content-Type: application/octet-stream; name=data.bin",
            body: "aGVs bG8g\n\td29y\nbGQ"
        )

        // when
        let attachment = try #require(try InboundTestMail.parse(raw).attachments.first)

        // then
        #expect(attachment.bytes == Array("hello world".utf8))
    }

    @Test("a text part marked as attachment is an attachment, not body text")
    func textAttachmentIsNotBody() throws {
        // given
        let raw = """
            From: a@example.org
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            Body.
            --b
            Content-Type: text/plain; charset=utf-8
            Content-Disposition: attachment

            log line 1
            --b--
            """

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.textBody == "Body.")
        #expect(email.attachments.count == 1)
        #expect(email.attachments.first?.filename == nil)
        #expect(email.attachments.first?.bytes == Array("log line 1".utf8))
    }
}
