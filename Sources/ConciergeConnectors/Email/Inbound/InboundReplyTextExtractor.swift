/// Cuts the new text of a reply from the conversation quoted below it. The cut comes at the
/// first of: the platform's reply separator line, an attribution line (`On … wrote:`,
/// `在 … 写道：`), an `-----Original Message-----` or `-----原始邮件-----` line, an Outlook or
/// Foxmail header block (`From:`/`发件人：` followed by `Sent:`/`发送时间：`); then trailing
/// `>`-quoted lines, empty lines and `-- ` signature separators are trimmed.
public struct InboundReplyTextExtractor: Sendable, Equatable {
    /// The line the platform puts above the quoted history of the mails it sends.
    public static let defaultSeparator = "##- 请在此线以上回复 / Please reply above this line -##"

    /// A line containing this text, and everything below it, is dropped; nil for none.
    public var separator: String?

    /// Creates an extractor that also cuts at `separator`.
    public init(separator: String? = InboundReplyTextExtractor.defaultSeparator) {
        self.separator = separator
    }

    /// The new part of `body`; empty when the body starts with quoted history, as a forward
    /// without a comment does.
    public func replyText(from body: String) -> String {
        // Swift reads "\r\n" as one Character, so this splits CRLF, CR and LF alike.
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let cut = lines.indices.first(where: { isCut(lines, at: $0) }) ?? lines.endIndex
        var kept = lines[..<cut]
        while let last = kept.last, isTrimmedAtEnd(last) {
            kept.removeLast()
        }
        while let first = kept.first, first.allSatisfy(\.isWhitespace) {
            kept.removeFirst()
        }
        return kept.joined(separator: "\n")
    }

    private func isCut(_ lines: [Substring], at index: Int) -> Bool {
        let line = lines[index]
        if let separator, !separator.isEmpty, line.contains(separator) { return true }
        let next = index + 1 < lines.count ? lines[index + 1] : nil
        return InboundQuoteMarkers.isAttribution(line, next: next)
            || InboundQuoteMarkers.isOriginalMessageRule(line)
            || InboundQuoteMarkers.isHeaderBlockStart(lines, at: index)
    }

    /// Empty lines, `>`-quoted lines, the `-- ` signature separator, and the rule of underscores
    /// Outlook draws above a quoted header block.
    private func isTrimmedAtEnd(_ line: Substring) -> Bool {
        line.allSatisfy(\.isWhitespace) || line == "-- "
            || line.drop(while: \.isWhitespace).hasPrefix(">")
            || InboundQuoteMarkers.isUnderscoreRule(line)
    }
}

extension InboundEmail {
    /// The new part of a reply: `textBody` without the quoted history, cut by the default
    /// `InboundReplyTextExtractor`.
    public var replyText: String {
        InboundReplyTextExtractor().replyText(from: textBody)
    }

    /// The new part of a reply, cut by `extractor`, e.g. one with a tenant's own separator.
    public func replyText(using extractor: InboundReplyTextExtractor) -> String {
        extractor.replyText(from: textBody)
    }
}
