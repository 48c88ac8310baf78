import Testing

@testable import ConciergeConnectors

@Suite("HTML bodies become readable text")
struct InboundHTMLTextConverterTests {
    @Test("numeric references in decimal and hex, named ones, and unknown ones left alone")
    func characterReferences() {
        // given
        let html = "&#20013;&#x4e2d;&#X6587; &lt;tag&gt; &quot;q&quot; &copy; &unknown; AT&T &#0; &#1114112;"

        // when
        let text = InboundHTMLTextConverter.plainText(from: html)

        // then
        #expect(text == "中中文 <tag> \"q\" © &unknown; AT&T \u{FFFD} \u{FFFD}")
    }

    @Test("script, style, head and comments are dropped with their content")
    func hiddenContentIsDropped() {
        // given
        let html = """
            <!DOCTYPE html><html><head><title>T</title><meta charset="utf-8"></head>
            <body><!-- tracking: <p>hidden</p> --><STYLE type="text/css">p{}</STYLE>
            Visible<script type="text/javascript">if (a < b) { document.write("<p>x</p>") }</script> text</body></html>
            """

        // when
        let text = InboundHTMLTextConverter.plainText(from: html)

        // then
        #expect(text == "Visible text")
    }

    @Test("br, p, div and li become line breaks; whitespace collapses; at most one empty line")
    func blockElementsBreakLines() {
        // given
        let html = """
            <p>First   line
            continues</p><p>Second<br>Third<br/><br><br>Fourth</p><div>Div</div><ol><li>One</li><li>Two</li></ol>
            """

        // when
        let text = InboundHTMLTextConverter.plainText(from: html)

        // then
        #expect(text == "First line continues\nSecond\nThird\n\nFourth\nDiv\nOne\nTwo")
    }

    @Test("preformatted text keeps its whitespace")
    func preKeepsWhitespace() {
        // given
        let html = "<p>Log:</p><pre>line 1\n    indented</pre><p>End</p>"

        // when
        let text = InboundHTMLTextConverter.plainText(from: html)

        // then
        #expect(text == "Log:\nline 1\n    indented\nEnd")
    }

    @Test("a > inside a quoted attribute does not end the tag; a lone < is text")
    func tagEdgeCases() {
        // given
        let html = "<a title=\"a > b\" href='x>y'>link</a> 3 < 4 and <3"

        // when
        let text = InboundHTMLTextConverter.plainText(from: html)

        // then
        #expect(text == "link 3 < 4 and <3")
    }

    @Test("table cells are separated by spaces, rows by line breaks")
    func tables() {
        // given
        let html = "<table><tr><td>Order</td><td>#998</td></tr><tr><td>Total</td><td>&yen;20</td></tr></table>"

        // when
        let text = InboundHTMLTextConverter.plainText(from: html)

        // then
        #expect(text == "Order #998\nTotal ¥20")
    }
}
