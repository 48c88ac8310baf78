import Foundation

extension CompiledCondition {
    /// Whether the condition holds in `context`. A negative operator is the exact opposite of
    /// its positive partner, so a field without a value satisfies `is_not` and `not_contains`.
    func holds(in context: RuleEvaluationContext) -> Bool {
        if let positive = op.positive { return !evaluate(positive, in: context) }
        return evaluate(op, in: context)
    }

    private func evaluate(_ op: RuleOperator, in context: RuleEvaluationContext) -> Bool {
        switch op {
        case .changed:
            return RuleEvaluationContext.ticketValue(field, of: context.baseline)
                != RuleEvaluationContext.ticketValue(field, of: context.ticket)
        case .changedTo, .changedFrom:
            guard case .value(let expected) = operand else { return false }
            let before = Self.same(RuleEvaluationContext.ticketValue(field, of: context.baseline), expected)
            let after = Self.same(RuleEvaluationContext.ticketValue(field, of: context.ticket), expected)
            return op == .changedTo ? (!before && after) : (before && !after)
        default:
            return compare(op, context.value(of: field))
        }
    }

    private func compare(_ op: RuleOperator, _ actual: RuleValue) -> Bool {
        switch (op, operand) {
        case (.is, .value(let expected)):
            return Self.same(actual, expected)
        case (.contains, .needle(let needle)):
            return Self.text(actual).map { RuleText.contains($0, needle) } ?? false
        case (.containsAnyWords, .keywords(let needles)):
            guard let text = Self.text(actual) else { return false }
            return needles.contains { RuleText.containsWord(text, $0) }
        case (.includes, .tags(let wanted)):
            return Self.includes(actual, wanted)
        case (.present, _):
            return !actual.isBlank
        case (.greaterThan, _), (.lessThan, _):
            guard let order = order(actual) else { return false }
            return op == .greaterThan ? order == .orderedDescending : order == .orderedAscending
        default:
            return false
        }
    }

    /// Equality where custom field text ignores case (the rule side is already folded).
    private static func same(_ actual: RuleValue, _ expected: RuleValue) -> Bool {
        switch (actual, expected) {
        case (.json(let stored), .json(let folded)): RuleJSON.equal(stored, folded: folded)
        case (.text(let text), .text(let other)): RuleText.equal(text, other)
        default: actual == expected
        }
    }

    /// Folded text of a text field or a text custom field.
    private static func text(_ value: RuleValue) -> String? {
        switch value {
        case .text(let text): text
        case .json(.string(let text)): RuleText.fold(text)
        default: nil
        }
    }

    private static func includes(_ value: RuleValue, _ wanted: Set<String>) -> Bool {
        switch value {
        case .tags(let tags): tags.contains { wanted.contains($0) }
        case .json(.string(let text)): wanted.contains(RuleText.fold(text))
        case .json(.array(let items)):
            items.contains { item in item.stringValue.map { wanted.contains(RuleText.fold($0)) } ?? false }
        default: false
        }
    }

    /// How the field's value orders against the condition's bound; `nil` when they do not
    /// compare (a missing value, a text against a number).
    private func order(_ actual: RuleValue) -> ComparisonResult? {
        switch (actual, operand) {
        case (.priority(let priority), .value(.priority(let bound))):
            return Self.order(priority, bound)
        case (.hours(let hours), .number(let bound)):
            return Self.order(hours, bound)
        case (.json(.number(let number)), .number(let bound)):
            return Self.order(number, bound)
        case (.json(.string(let text)), .number(let bound)):
            // Decimal fields are stored as canonical strings.
            return Double(text).map { Self.order($0, bound) }
        case (.json(.string(let text)), .text(let bound)):
            return Self.order(text, bound)
        default:
            return nil
        }
    }

    private static func order<T: Comparable>(_ lhs: T, _ rhs: T) -> ComparisonResult {
        lhs < rhs ? .orderedAscending : (lhs > rhs ? .orderedDescending : .orderedSame)
    }
}
