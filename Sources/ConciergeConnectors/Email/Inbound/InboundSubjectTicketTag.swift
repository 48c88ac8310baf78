/// Finds the ticket tag the platform puts in the subjects it sends, `[#1234]`, and cleans
/// subjects of it and of reply and forward prefixes in the languages customers write.
enum InboundSubjectTicketTag {
    /// `[#1234]`, with optional spaces and full-width brackets or number sign: `［＃1234］`.
    private static func tagPattern() -> Regex<(Substring, Substring)> {
        #/[\[［]\s*[#＃]\s*([0-9]+)\s*[\]］]/#
    }

    /// `Re:`, `FW:`, `Fwd:`, `AW:`, `Antw:`, `回复：`, `答复:`, `转发：`… with an optional counter
    /// (`Re[2]:`) and an ASCII or full-width colon.
    private static func prefixPattern() -> Regex<Substring> {
        #/\s*(?:re|fwd?|aw|wg|antw|sv|vs|回复|答复|转发|回覆|轉寄|转寄)\s*(?:\[[0-9]+\]|\([0-9]+\))?\s*[:：]\s*/#
            .ignoresCase()
    }

    /// The number in the first tag of `subject`, or nil when it has none (`Ticket #1234` is
    /// not a tag) or the number does not fit in an `Int`.
    static func ticketNumber(in subject: String) -> Int? {
        subject.firstMatch(of: tagPattern()).flatMap { Int($0.output.1) }
    }

    /// `subject` without tags and leading reply or forward prefixes, whitespace collapsed.
    static func strippedSubject(_ subject: String) -> String {
        var remaining = subject.replacing(tagPattern(), with: " ")[...]
        let prefix = prefixPattern()
        while let match = remaining.prefixMatch(of: prefix) {
            remaining = remaining[match.range.upperBound...]
        }
        return remaining.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
