/// How a condition compares a field with its value.
///
/// Raw values are the snake_case names tenants write (`"operator": "contains"`). Negative
/// operators are the exact opposite of their positive partner, also when the field has no
/// value: `is_not` holds whenever `is` does not.
public enum RuleOperator: String, Sendable, Codable, CaseIterable {
    /// Equal to the value (text compares case-insensitively).
    case `is`
    /// Not equal to the value.
    case isNot = "is_not"
    /// The text contains the value, case-insensitively (Chinese keywords such as 退货 too).
    case contains
    /// The text does not contain the value.
    case notContains = "not_contains"
    /// The text contains at least one of the keywords (a list, or a string split at spaces).
    case containsAnyWords = "contains_any_words"
    /// The text contains none of the keywords.
    case containsNone = "contains_none"
    /// The field differs from the previous state.
    case changed
    /// The field changed and now has the value.
    case changedTo = "changed_to"
    /// The field changed and had the value before.
    case changedFrom = "changed_from"
    /// The field is the same as in the previous state.
    case notChanged = "not_changed"
    /// Above the value (numbers, hours, priority in the order low < normal < high < urgent).
    case greaterThan = "greater_than"
    /// Below the value.
    case lessThan = "less_than"
    /// The field has a value (not missing, not empty).
    case present
    /// The field has no value (missing or empty).
    case blank
    /// The tags include at least one of the values.
    case includes
    /// The tags include none of the values.
    case notIncludes = "not_includes"

    /// The operator that holds exactly when this one does not, for the negative operators.
    var positive: RuleOperator? {
        switch self {
        case .isNot: .is
        case .notContains: .contains
        case .containsNone: .containsAnyWords
        case .notChanged: .changed
        case .blank: .present
        case .notIncludes: .includes
        default: nil
        }
    }

    /// Whether the operator compares with the previous state of the ticket.
    var readsPreviousState: Bool {
        switch self {
        case .changed, .changedTo, .changedFrom, .notChanged: true
        default: false
        }
    }
}
