/// Runs a tenant's triggers for one event on one ticket, the way Zendesk does.
///
/// Triggers are evaluated in order (position, then key). When one fires, its field actions
/// apply to the ticket at once and every later trigger sees the updated ticket. After a full
/// pass in which anything fired, the pass restarts from the top for the triggers that have not
/// fired yet, until a pass fires nothing. Each trigger fires at most once per event, which is
/// what ends loops (two triggers that flip a tag back and forth each fire once); a cycle limit
/// guards the rest. A fired `stop_processing` ends the run after that trigger's actions.
///
/// "Changed" conditions compare with ``RuleSubject/previous`` (or, without it, the ticket as
/// the run found it), so a change made by an earlier trigger counts as a change. The event
/// stays the one that started the run: a trigger setting the status does not start a
/// `status_changed` run. Pure and deterministic: the same triggers and subject always give the
/// same outcome.
public struct TriggerEngine: Sendable {
    /// How many passes a run may make by default; a run needs at most one pass per trigger
    /// that fires, plus one.
    public static let defaultCycleLimit = 10

    private struct Plan: Sendable {
        var triggers: [CompiledTrigger] = []
        var textFields: RuleFoldedText.Fields = []
        var fields: Set<RuleField> = []
    }

    private let plans: [RuleEvent: Plan]
    /// The most passes one run makes.
    public let cycleLimit: Int

    /// Prepares `triggers` (inactive ones are dropped) for many runs.
    public init(triggers: [CompiledTrigger], cycleLimit: Int = TriggerEngine.defaultCycleLimit) {
        let ordered = triggers.filter(\.active).sorted { ($0.position, $0.key) < ($1.position, $1.key) }
        var plans: [RuleEvent: Plan] = [:]
        for event in RuleEvent.allCases {
            var plan = Plan()
            plan.triggers = ordered.filter { $0.events.contains(event) }
            plan.textFields = plan.triggers.reduce(into: []) { $0.formUnion($1.conditions.textFields) }
            plan.fields = plan.triggers.reduce(into: []) { $0.formUnion($1.conditions.fields) }
            plans[event] = plan
        }
        self.plans = plans
        self.cycleLimit = max(1, cycleLimit)
    }

    /// The fields the triggers listening to `event` read, so that the caller gathers only the
    /// facts that matter (no SLA calendar lookup when no trigger reads `within_business_hours`).
    public func fields(for event: RuleEvent) -> Set<RuleField> {
        plans[event]?.fields ?? []
    }

    /// Runs the triggers that listen to `subject.event`; a subject without an event fires
    /// nothing (time-based rules belong to ``AutomationEngine``).
    public func run(_ subject: RuleSubject) -> RuleOutcome {
        let plan = subject.event.flatMap { plans[$0] } ?? Plan()
        var execution = RuleExecution(RuleEvaluationContext(subject, textFields: plan.textFields))
        var fired = [Bool](repeating: false, count: plan.triggers.count)
        var cycles = 0
        var firedInPass = true
        // A pass can fire something only while some trigger has not fired yet.
        while firedInPass && execution.stoppedBy == nil && fired.contains(false) {
            guard cycles < cycleLimit else { return execution.finish(reachedCycleLimit: true) }
            cycles += 1
            firedInPass = false
            for (index, trigger) in plan.triggers.enumerated() where !fired[index] {
                guard trigger.conditions.matches(execution.context) else { continue }
                fired[index] = true
                firedInPass = true
                execution.fire(trigger.key, actions: trigger.actions)
                if execution.stoppedBy != nil { break }
            }
        }
        return execution.finish()
    }
}
