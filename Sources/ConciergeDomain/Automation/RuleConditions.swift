/// The conditions of a rule: every condition in ``all`` must hold and, when ``any`` is not
/// empty, at least one condition in it.
///
/// Written as `{"all": [...], "any": [...]}`; either list may be left out. A rule with both
/// lists empty matches every ticket it is evaluated for.
public struct RuleConditions: Sendable, Equatable, Codable {
    /// Conditions that must all hold.
    public var all: [RuleCondition]
    /// Conditions of which at least one must hold (ignored when empty).
    public var any: [RuleCondition]

    /// Creates a condition set.
    public init(all: [RuleCondition] = [], any: [RuleCondition] = []) {
        self.all = all
        self.any = any
    }

    /// Decodes `{"all": [...], "any": [...]}` with either list optional.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        all = try container.decodeIfPresent([RuleCondition].self, forKey: .all) ?? []
        any = try container.decodeIfPresent([RuleCondition].self, forKey: .any) ?? []
    }

    /// Checks every condition and returns the fast form used for evaluation.
    ///
    /// - Parameters:
    ///   - field: The path of this condition set in the document (`conditions`).
    ///   - customFields: The tenant's field definitions; when given, `custom_fields.<key>`
    ///     must name a defined field and values are checked against its type. When `nil`, any
    ///     well-formed key is accepted.
    /// - Throws: ``ValidationError`` on `<field>.all[i].field` (`unknown_field`),
    ///   `<field>.all[i].operator` (`unknown_operator`, `operator_not_allowed`) or
    ///   `<field>.all[i].value` (`value_required`, `value_not_allowed`, `invalid_value`,
    ///   `unknown_value`), and likewise for `any`.
    public func compiled(field: String = "conditions", customFields: CustomFieldValues? = nil)
        throws(ValidationError) -> CompiledConditions
    {
        func compile(_ conditions: [RuleCondition], _ group: String) throws(ValidationError) -> [CompiledCondition] {
            var result: [CompiledCondition] = []
            for (index, condition) in conditions.enumerated() {
                do {
                    result.append(try CompiledCondition(condition, customFields: customFields))
                } catch {
                    throw error.nested(under: "\(field).\(group)[\(index)]")
                }
            }
            return result
        }
        return CompiledConditions(all: try compile(all, "all"), any: try compile(any, "any"))
    }
}
