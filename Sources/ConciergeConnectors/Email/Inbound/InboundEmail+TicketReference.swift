extension InboundEmail {
    /// The ticket number from a `[#1234]` tag in the subject (also `[ #1234 ]` and `［#1234］`),
    /// or nil when the subject has no tag.
    public var ticketNumberInSubject: Int? {
        InboundSubjectTicketTag.ticketNumber(in: subject)
    }

    /// The subject without ticket tags and leading `Re:`, `FW:`, `Fwd:`, `回复：`, `转发：`…
    /// prefixes, for a new ticket's title or for matching a thread by subject.
    public var strippedSubject: String {
        InboundSubjectTicketTag.strippedSubject(subject)
    }
}
