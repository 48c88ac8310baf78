/// Lines mail clients put above the message they quote.
enum InboundQuoteMarkers {
    /// How many lines after `From:` the `Sent:` line of the same header block may come.
    private static let headerBlockReach = 4

    /// `On Mon, 23 Nov 2026 at 10:00, Ann <ann@example.com> wrote:` (Gmail, Apple Mail,
    /// Thunderbird), `在 2026年11月23日 10:00，张三 写道：` (QQ Mail, Foxmail, Chinese Gmail), also
    /// when the client wrapped the line in two.
    static func isAttribution(_ line: Substring, next: Substring?) -> Bool {
        let trimmed = line.trimmingWhitespace
        let opening = trimmed.hasPrefix("On ") || trimmed.hasPrefix("在")
        guard opening else { return false }
        return endsAttribution(trimmed) || next.map { endsAttribution($0.trimmingWhitespace) } ?? false
    }

    private static func endsAttribution(_ text: Substring) -> Bool {
        ["wrote:", "写道：", "写道:", "寫道：", "寫道:"].contains { text.hasSuffix($0) }
    }

    /// `-----Original Message-----`, `-----原始邮件-----`, QQ Mail's `------ 原始邮件 ------`.
    static func isOriginalMessageRule(_ line: Substring) -> Bool {
        line.trimmingWhitespace.wholeMatch(of: #/-{2,}\s*(?i:original message|原始邮件|原始郵件)\s*-{2,}/#) != nil
    }

    /// A `From:`/`发件人：` line followed within a few lines by `Sent:`/`Date:`/`发送时间：`, as
    /// Outlook and Foxmail write above a quoted message, or an underscore rule right above one.
    static func isHeaderBlockStart(_ lines: [Substring], at index: Int) -> Bool {
        guard isUnderscoreRule(lines[index]) else { return isFromLineOfHeaderBlock(lines, at: index) }
        let nextText = lines[(index + 1)...].firstIndex { !$0.allSatisfy(\.isWhitespace) }
        return nextText.map { isFromLineOfHeaderBlock(lines, at: $0) } ?? false
    }

    private static func isFromLineOfHeaderBlock(_ lines: [Substring], at index: Int) -> Bool {
        guard lines[index].trimmingWhitespace.prefixMatch(of: #/\**(?:From|发件人|寄件者)\**\s*[:：]/#) != nil
        else { return false }
        let following = lines[(index + 1)..<min(lines.count, index + 1 + headerBlockReach)]
        return following.contains { line in
            line.trimmingWhitespace.prefixMatch(of: #/\**(?:Sent|Date|发送时间|时间|日期|寄件日期)\**\s*[:：]/#) != nil
        }
    }

    /// A line of at least ten underscores, Outlook's rule above a quoted header block.
    static func isUnderscoreRule(_ line: Substring) -> Bool {
        let trimmed = line.trimmingWhitespace
        return trimmed.count >= 10 && trimmed.allSatisfy { $0 == "_" }
    }
}

extension Substring {
    fileprivate var trimmingWhitespace: Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return self[endIndex...] }
        return self[first...last]
    }
}
