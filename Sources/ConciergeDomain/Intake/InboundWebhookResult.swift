/// What ``InboundWebhookMapping/map(_:)`` made of a payload.
public enum InboundWebhookResult: Sendable, Equatable {
    /// A ticket (or, with ``InboundTicketDraft/updateExisting``, possibly a comment) to store.
    case ticket(InboundTicketDraft)
    /// The payload failed a condition (a resolved alert, a test ping): accept it and do nothing.
    case ignored(reason: String)
    /// The payload (field `payload.<path>`) or the mapping (field `mapping.<field>`) is wrong.
    case invalid(ValidationError)
}
