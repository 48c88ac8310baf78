/// What one automation scan of one ticket decided: the outcome of the automations that fired,
/// and the fire-once markers to store and to remove.
public struct AutomationRun: Sendable, Equatable {
    /// The ticket, changes, fired automation keys, intents and skipped actions.
    public var outcome: RuleOutcome
    /// The decision for each active automation that was evaluated, in evaluation order.
    public var decisions: [Decision]
    /// Keys whose marker must be stored (the automations that fired).
    public var markersToAdd: [String] { decisions.filter { $0.decision == .fire }.map(\.key) }
    /// Keys whose marker must be removed (their conditions stopped holding).
    public var markersToRemove: [String] { decisions.filter { $0.decision == .reset }.map(\.key) }

    /// One automation's decision.
    public struct Decision: Sendable, Equatable {
        /// The automation's key.
        public var key: String
        /// What the scan did with it.
        public var decision: AutomationDecision

        /// Creates a decision record.
        public init(key: String, decision: AutomationDecision) {
            self.key = key
            self.decision = decision
        }
    }

    /// Creates a run result.
    public init(outcome: RuleOutcome, decisions: [Decision]) {
        self.outcome = outcome
        self.decisions = decisions
    }
}
