/// Evaluates time-based automations against one ticket during a scheduler scan.
///
/// Automations run once each, in order (position, then key); an automation that fires
/// updates the ticket for the ones after it, as in Zendesk. Whether it fires follows
/// ``AutomationDecision``. Pure and deterministic: the scheduler loads the ticket, the facts
/// and the stored markers, calls ``evaluate(automations:subject:firedBefore:)``, then saves the
/// ticket, the markers and the intents in one transaction.
public enum AutomationEngine {
    /// Scans one ticket.
    ///
    /// - Parameters:
    ///   - automations: The tenant's automations (inactive ones are ignored).
    ///   - subject: The ticket and facts at the scan's moment (``RuleSubject/now``), usually
    ///     without an event or previous state.
    ///   - firedBefore: The keys of the automations whose marker is stored for this ticket.
    /// - Returns: The outcome and the per-automation decisions. After a `stop_processing`, the
    ///   later automations are not evaluated and their markers stay as they are.
    public static func evaluate(
        automations: [CompiledAutomation], subject: RuleSubject, firedBefore: Set<String>
    ) -> AutomationRun {
        let ordered = automations.filter(\.active).sorted { ($0.position, $0.key) < ($1.position, $1.key) }
        let textFields = ordered.reduce(into: RuleFoldedText.Fields()) { $0.formUnion($1.conditions.textFields) }
        var execution = RuleExecution(RuleEvaluationContext(subject, textFields: textFields))
        var decisions: [AutomationRun.Decision] = []
        for automation in ordered {
            let decision = AutomationDecision.decide(
                matches: automation.conditions.matches(execution.context),
                firedBefore: firedBefore.contains(automation.key))
            decisions.append(AutomationRun.Decision(key: automation.key, decision: decision))
            if decision == .fire {
                execution.fire(automation.key, actions: automation.actions)
                if execution.stoppedBy != nil { break }
            }
        }
        return AutomationRun(outcome: execution.finish(), decisions: decisions)
    }
}
