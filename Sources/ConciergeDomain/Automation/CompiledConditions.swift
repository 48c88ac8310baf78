/// A validated condition set, parsed once so that evaluating it against a ticket does no
/// parsing, no lowercasing of rule values and no allocation beyond folding the ticket's text.
///
/// Created by ``RuleConditions/compiled(field:customFields:)``.
public struct CompiledConditions: Sendable {
    let all: [CompiledCondition]
    let any: [CompiledCondition]

    /// The text fields to fold before evaluating (see ``RuleEvaluationContext``).
    let textFields: RuleFoldedText.Fields

    init(all: [CompiledCondition], any: [CompiledCondition]) {
        self.all = all
        self.any = any
        textFields = (all + any).reduce(into: []) { $0.formUnion(RuleFoldedText.Fields($1.field)) }
    }

    /// The fields the conditions read, each once.
    public var fields: Set<RuleField> { Set((all + any).map(\.field)) }

    /// Whether ``all`` has an hours field `greater_than` a bound: what keeps a time-based
    /// automation from matching a ticket on the first scan after it is created.
    var hasTimeConditionInAll: Bool { all.contains { $0.field.isTimeBased && $0.op == .greaterThan } }

    /// Whether the conditions hold for `subject`.
    ///
    /// Evaluating many rules against one subject is faster through ``TriggerEngine``, which
    /// prepares the subject's text once for all of them.
    public func matches(_ subject: RuleSubject) -> Bool {
        matches(RuleEvaluationContext(subject, textFields: textFields))
    }

    func matches(_ context: RuleEvaluationContext) -> Bool {
        for condition in all where !condition.holds(in: context) { return false }
        if any.isEmpty { return true }
        for condition in any where condition.holds(in: context) { return true }
        return false
    }
}
