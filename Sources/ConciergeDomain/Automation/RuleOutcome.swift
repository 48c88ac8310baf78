/// What one run of the trigger engine (or one automation scan of a ticket) decided.
///
/// The caller saves ``ticket`` with ``changes`` in the ticket history (attributed to the
/// fired rules), and turns ``intents`` into jobs in the same transaction.
public struct RuleOutcome: Sendable, Equatable {
    /// The ticket after every applied action. Its version is one above the input's when
    /// anything changed (the whole run is one update), and unchanged otherwise.
    public var ticket: Ticket
    /// What changed between the input ticket and ``ticket``.
    public var changes: [TicketChange.FieldChange]
    /// The keys of the rules that fired, in firing order ("which rules fired").
    public var firedRuleKeys: [String]
    /// Side effects to perform, in firing order.
    public var intents: [RuleIntent]
    /// Actions that fired but were not applied, with reasons.
    public var skippedActions: [SkippedAction]
    /// The key of the rule whose `stop_processing` ended the run, if one did.
    public var stoppedBy: String?
    /// Whether the run ended because it hit the cycle limit rather than settling.
    public var reachedCycleLimit: Bool

    /// Creates an outcome.
    public init(
        ticket: Ticket, changes: [TicketChange.FieldChange], firedRuleKeys: [String], intents: [RuleIntent],
        skippedActions: [SkippedAction], stoppedBy: String? = nil, reachedCycleLimit: Bool = false
    ) {
        self.ticket = ticket
        self.changes = changes
        self.firedRuleKeys = firedRuleKeys
        self.intents = intents
        self.skippedActions = skippedActions
        self.stoppedBy = stoppedBy
        self.reachedCycleLimit = reachedCycleLimit
    }
}
