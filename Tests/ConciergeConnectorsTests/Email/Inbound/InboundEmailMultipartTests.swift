import Testing

@testable import ConciergeConnectors

@Suite("InboundEmail walks MIME structures")
struct InboundEmailMultipartTests {
    private static let outlookReply = """
        From: "Lee, Chris" <chris.lee@contoso.example>
        To: "support@acme.example" <support@acme.example>
        Subject: RE: [#1234] Invoice question
        Thread-Topic: Invoice question
        Date: Mon, 23 Nov 2026 09:30:12 +0000
        Message-ID: <DB9PR01MB1234ABCD5678@DB9PR01MB1234.eurprd01.prod.outlook.com>
        In-Reply-To: <ticket-1234.2@acme.example>
        X-MS-Has-Attach:
        Content-Type: multipart/alternative;
        \tboundary="_000_DB9PR01MB1234ABCD5678DB9PR01MB1234eurp_"
        MIME-Version: 1.0

        --_000_DB9PR01MB1234ABCD5678DB9PR01MB1234eurp_
        Content-Type: text/plain; charset="Windows-1252"
        Content-Transfer-Encoding: quoted-printable

        Hi team,

        The invoice total looks wrong =96 could you check? It should be 1=2C200 =80=
         not 1=2C500 =80.

        ________________________________
        From: Acme Support <support@acme.example>
        Sent: Monday, November 23, 2026 9:00 AM
        To: Lee, Chris <chris.lee@contoso.example>
        Subject: [#1234] Invoice question

        Thanks for reaching out.

        --_000_DB9PR01MB1234ABCD5678DB9PR01MB1234eurp_
        Content-Type: text/html; charset="Windows-1252"
        Content-Transfer-Encoding: quoted-printable

        <html xmlns:o=3D"urn:schemas-microsoft-com:office:office">
        <head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3DWindows-1252">
        <style><!-- p.MsoNormal {margin:0cm;} --></style></head>
        <body lang=3D"EN-US"><div class=3D"WordSection1">
        <p class=3D"MsoNormal">Hi team,<o:p></o:p></p>
        <p class=3D"MsoNormal">The invoice total looks wrong &#8211; could you chec=
        k?<o:p></o:p></p>
        </div></body></html>

        --_000_DB9PR01MB1234ABCD5678DB9PR01MB1234eurp_--

        """

    private static let nestedWithInlineImage = """
        From: Ann Customer <ann@example.org>
        To: support@acme.example
        Subject: Screenshot of the error
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="mixed-1"

        This is a multi-part message in MIME format.
        --mixed-1
        Content-Type: multipart/related; boundary="related-1"; type="multipart/alternative"

        --related-1
        Content-Type: multipart/alternative; boundary="alt-1"

        --alt-1
        Content-Type: text/plain; charset=utf-8

        See the screenshot below.
        --alt-1
        Content-Type: text/html; charset=utf-8

        <p>See the screenshot below.</p><img src="cid:screenshot-1@acme">
        --alt-1--
        --related-1
        Content-Type: image/png; name="screenshot.png"
        Content-Transfer-Encoding: base64
        Content-ID: <screenshot-1@acme>
        Content-Disposition: inline; filename="screenshot.png"

        iVBORw0KGgo=
        --related-1--
        --mixed-1
        Content-Type: application/pdf; name="invoice.pdf"
        Content-Disposition: attachment; filename="invoice.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0x
        LjQK
        --mixed-1--
        Epilogue text that readers ignore.

        """

    @Test("Outlook alternative: the quoted-printable text part is the text body, the HTML part the HTML body")
    func outlookAlternativeBodies() throws {
        // given
        let raw = Self.outlookReply

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.textBody.hasPrefix("Hi team,\n\nThe invoice total looks wrong – could you check?"))
        #expect(email.textBody.contains("It should be 1,200 € not 1,500 €."))
        let html = try #require(email.htmlBody)
        #expect(html.contains("could you check?<o:p>"))
        #expect(html.contains("<meta http-equiv=\"Content-Type\""))
        #expect(email.attachments.isEmpty)
    }

    @Test("Outlook alternative: the reply text stops at the quoted header block")
    func outlookReplyText() throws {
        // given
        let raw = Self.outlookReply

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(
            email.replyText
                == "Hi team,\n\nThe invoice total looks wrong – could you check? It should be 1,200 € not 1,500 €."
        )
    }

    @Test("mixed > related > alternative: text and HTML bodies come from the innermost alternative")
    func nestedBodiesAreFound() throws {
        // given
        let raw = Self.nestedWithInlineImage

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.textBody == "See the screenshot below.")
        #expect(email.htmlBody == "<p>See the screenshot below.</p><img src=\"cid:screenshot-1@acme\">")
    }

    @Test("an inline image keeps its Content-ID and is marked inline; a PDF is a plain attachment")
    func inlineImageAndAttachment() throws {
        // given
        let raw = Self.nestedWithInlineImage

        // when
        let attachments = try InboundTestMail.parse(raw).attachments

        // then
        try #require(attachments.count == 2)
        #expect(
            attachments[0]
                == InboundAttachment(
                    filename: "screenshot.png", contentType: "image/png", contentID: "screenshot-1@acme",
                    isInline: true, bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
                )
        )
        #expect(attachments[1].filename == "invoice.pdf")
        #expect(attachments[1].contentType == "application/pdf")
        #expect(attachments[1].isInline == false)
        #expect(attachments[1].contentID == nil)
        #expect(attachments[1].bytes == Array("%PDF-1.4\n".utf8))
    }

    @Test("an attached message is kept whole as an .eml attachment and its body is not the mail's body")
    func attachedMessageIsAnEMLAttachment() throws {
        // given
        let inner = """
            From: Bob <bob@example.org>
            To: ann@example.org
            Subject: Original complaint
            Date: Sun, 22 Nov 2026 18:00:00 +0000

            The parcel arrived damaged.
            """
        let raw = """
            From: Ann <ann@example.org>
            To: support@acme.example
            Subject: Fwd: Original complaint
            Content-Type: multipart/mixed; boundary="fwd"

            --fwd
            Content-Type: text/plain; charset=utf-8

            Forwarding Bob's complaint.
            --fwd
            Content-Type: message/rfc822
            Content-Disposition: attachment

            \(inner)
            --fwd--
            """

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.textBody == "Forwarding Bob's complaint.")
        let attachment = try #require(email.attachments.first)
        #expect(attachment.filename == "Original complaint.eml")
        #expect(attachment.contentType == "message/rfc822")
        #expect(attachment.bytes == InboundTestMail.crlf(inner))
        let reparsed = try InboundEmail.parse(attachment.bytes)
        #expect(reparsed.textBody == "The parcel arrived damaged.")
    }

    @Test("a multipart without its closing boundary keeps everything up to the end")
    func missingClosingBoundaryIsTolerated() throws {
        // given
        let raw = """
            From: ann@example.org
            Subject: truncated
            Content-Type: multipart/mixed; boundary=cut

            --cut
            Content-Type: text/plain

            First part.
            --cut
            Content-Type: text/csv; name=orders.csv
            Content-Disposition: attachment; filename=orders.csv

            id,total
            1,20
            """

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.textBody == "First part.")
        #expect(email.attachments.first?.filename == "orders.csv")
        #expect(email.attachments.first?.bytes == Array("id,total\r\n1,20".utf8))
    }

    @Test("an HTML-only message gets a readable text body")
    func htmlOnlyMessageIsConverted() throws {
        // given
        let raw = """
            From: shop@example.org
            Subject: Order
            Content-Type: text/html; charset=utf-8

            <html><head><title>Order</title><style>p { color: red }</style></head>
            <body><p>Dear customer,</p><p>Your order <b>#998</b> &amp; invoice:</p>
            <ul><li>Printer &ndash; 1&nbsp;pc</li><li>Toner</li></ul>
            <script>alert("x")</script><div>Total: &#165;1,200<br>Thanks</div></body></html>
            """

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(
            email.textBody == "Dear customer,\nYour order #998 & invoice:\nPrinter – 1 pc\nToner\nTotal: ¥1,200\nThanks"
        )
        #expect(email.htmlBody?.hasPrefix("<html><head><title>Order</title>") == true)
    }

    @Test("an empty text part next to an HTML part gives way to the converted HTML")
    func emptyTextPartUsesHTML() throws {
        // given
        let raw = """
            From: a@example.org
            Content-Type: multipart/alternative; boundary=alt

            --alt
            Content-Type: text/plain; charset=utf-8

            \u{20}
            --alt
            Content-Type: text/html; charset=utf-8

            <p>Only the HTML part has text.</p>
            --alt--
            """

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.textBody == "Only the HTML part has text.")
    }

    @Test("padding after a boundary and parts without headers are accepted")
    func boundaryPaddingAndHeaderlessPart() throws {
        // given: a boundary line with trailing spaces, and a part that starts with its empty line
        let raw =
            "From: a@example.org\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
            + "--b   \n\nDefault text part.\n--b--\n"

        // when
        let email = try InboundEmail.parse(Array(raw.utf8))

        // then
        #expect(email.textBody == "Default text part.")
    }

    @Test("text parts split around an inline image are joined")
    func splitTextPartsAreJoined() throws {
        // given
        let raw = """
            From: a@example.org
            Content-Type: multipart/mixed; boundary=apple

            --apple
            Content-Type: text/plain; charset=us-ascii

            Before the picture.
            --apple
            Content-Type: image/jpeg
            Content-Disposition: inline; filename=photo.jpg
            Content-Transfer-Encoding: base64

            /9j/4AAQ
            --apple
            Content-Type: text/plain; charset=us-ascii

            After the picture.
            --apple--
            """

        // when
        let email = try InboundTestMail.parse(raw)

        // then
        #expect(email.textBody == "Before the picture.\nAfter the picture.")
        #expect(email.attachments.map(\.filename) == ["photo.jpg"])
        #expect(email.attachments.first?.isInline == true)
        #expect(email.attachments.first?.bytes == [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10])
    }

    @Test("a multipart without a boundary parameter is malformed")
    func missingBoundaryParameterThrows() {
        // given
        let raw = """
            From: a@example.org
            Content-Type: multipart/mixed

            --x
            hello
            """

        // then
        #expect(throws: InboundEmailError.malformedMultipart) { try InboundTestMail.parse(raw) }
    }

    @Test("a multipart whose boundary never appears is malformed")
    func boundaryThatNeverAppearsThrows() {
        // given
        let raw = """
            From: a@example.org
            Content-Type: multipart/alternative; boundary="expected"

            --something-else
            hello
            """

        // then
        #expect(throws: InboundEmailError.malformedMultipart) { try InboundTestMail.parse(raw) }
    }
}
