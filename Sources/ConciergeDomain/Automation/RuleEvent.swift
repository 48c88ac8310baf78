/// What happened to a ticket that makes the trigger engine evaluate its rules.
///
/// Raw values are snake_case and stable: tenants write them in trigger configuration
/// (`events: [ticket_created]`) and they appear in the ticket history.
public enum RuleEvent: String, Sendable, Codable, CaseIterable {
    /// A ticket was created through any channel.
    case ticketCreated = "ticket_created"
    /// A ticket's fields were changed.
    case ticketUpdated = "ticket_updated"
    /// A public reply or an internal note was added.
    case commentAdded = "comment_added"
    /// A ticket moved to another status.
    case statusChanged = "status_changed"
    /// An SLA target is about to be missed (see ``RuleSubject/slaMetric``).
    case slaWarning = "sla_warning"
    /// An SLA target was missed (see ``RuleSubject/slaMetric``).
    case slaBreach = "sla_breach"
    /// The requester rated the ticket.
    case satisfactionReceived = "satisfaction_received"
}
