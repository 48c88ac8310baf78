import Foundation

/// One validated condition: the field, the operator and the value parsed into the form the
/// evaluation compares with directly.
struct CompiledCondition: Sendable {
    /// A condition's value, parsed for its operator.
    enum Operand: Sendable {
        /// `changed`, `not_changed`, `present`, `blank`.
        case none
        /// A value of the field's own type (text folded).
        case value(RuleValue)
        /// `contains`, `not_contains`.
        case needle(RuleText.Needle)
        /// `contains_any_words`, `contains_none`.
        case keywords([RuleText.Needle])
        /// `includes`, `not_includes`.
        case tags(Set<String>)
        /// `greater_than`, `less_than` on hours and numeric custom fields.
        case number(Double)
        /// `greater_than`, `less_than` on text custom fields (ISO dates sort as text).
        case text(String)
    }

    let field: RuleField
    let op: RuleOperator
    let operand: Operand

    /// Parses and checks `condition`.
    /// - Throws: ``ValidationError`` on `field`, `operator` or `value` (see
    ///   ``RuleConditions/compiled(field:customFields:)``).
    init(_ condition: RuleCondition, customFields: CustomFieldValues?) throws(ValidationError) {
        guard let field = RuleField(path: condition.field) else {
            throw ValidationError(
                field: "field", code: "unknown_field", message: "'\(condition.field)' is not a field rules can read")
        }
        var definition: CustomFieldDefinition?
        if case .customField(let key) = field, let customFields {
            guard let found = customFields.definition(forKey: key) else {
                throw ValidationError(field: "field", code: "unknown_field", message: "'\(key)' is not a custom field")
            }
            definition = found
        }
        guard let op = RuleOperator(rawValue: condition.operator) else {
            throw ValidationError(
                field: "operator", code: "unknown_operator",
                message: "'\(condition.operator)' is not an operator; use one of: \(Self.names(RuleOperator.allCases))")
        }
        guard field.allowedOperators.contains(op) else {
            throw ValidationError(
                field: "operator", code: "operator_not_allowed",
                message: "\(field.path) accepts only: \(Self.names(field.allowedOperators))")
        }
        self.field = field
        self.op = op
        self.operand = try RuleOperandParser(field: field, op: op, definition: definition).parse(condition.value)
    }

    private static func names(_ operators: [RuleOperator]) -> String {
        operators.map(\.rawValue).joined(separator: ", ")
    }
}
