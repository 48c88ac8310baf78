import ConciergeDomain

/// What the intake made of one inbound email.
public enum EmailIntakeOutcome: Sendable, Equatable {
    /// A new ticket (also a follow-up to a closed one).
    case created(TicketID)
    /// A public comment on the ticket the email answers.
    case replied(TicketID, CommentID)
    /// The Message-ID was seen before: nothing was written.
    case duplicate
    /// Recorded but turned into nothing, with the reason (`automatic: bounce`, `sender_rate`,
    /// `no_sender`, `unparseable`).
    case dropped(reason: String)
}
