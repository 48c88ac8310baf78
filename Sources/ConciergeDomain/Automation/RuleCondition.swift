/// One condition as a tenant writes it: `{"field": "priority", "operator": "is", "value": "urgent"}`.
///
/// Field and operator stay text here so that a typo reaches ``RuleConditions/compiled(field:customFields:)``
/// and is reported with its path (`conditions.all[2].operator`) instead of failing the whole
/// document's decoding. The value is any JSON; which shape is right depends on the field and
/// operator (see ``RuleOperator``).
public struct RuleCondition: Sendable, Equatable, Codable {
    /// The field's path (see ``RuleField/path``).
    public var field: String
    /// The operator's name (see ``RuleOperator``).
    public var `operator`: String
    /// The value to compare with; `nil` (or JSON `null`) for operators that take none.
    public var value: JSONValue?

    /// Creates a condition from text, as decoded from configuration.
    public init(field: String, operator: String, value: JSONValue? = nil) {
        self.field = field
        self.operator = `operator`
        self.value = value
    }

    /// Creates a condition from typed parts.
    public init(_ field: RuleField, _ operator: RuleOperator, _ value: JSONValue? = nil) {
        self.init(field: field.path, operator: `operator`.rawValue, value: value)
    }
}
