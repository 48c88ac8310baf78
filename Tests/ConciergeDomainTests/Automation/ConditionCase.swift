import ConciergeDomain
import Testing

/// One row of a condition table: a condition, the subject it is evaluated against, and
/// whether it must hold.
struct ConditionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let condition: RuleCondition
    let subject: RuleSubject
    let expected: Bool

    init(_ name: String, _ condition: RuleCondition, _ subject: RuleSubject, _ expected: Bool) {
        self.name = name
        self.condition = condition
        self.subject = subject
        self.expected = expected
    }

    var testDescription: String { name }
}
