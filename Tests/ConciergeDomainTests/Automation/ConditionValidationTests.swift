import ConciergeDomain
import Testing

@Suite("Rule condition validation")
struct ConditionValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let condition: RuleCondition
        let field: String
        let code: String
        var testDescription: String { "\(condition.field) \(condition.operator) → \(field) \(code)" }

        init(_ condition: RuleCondition, _ field: String, _ code: String) {
            self.condition = condition
            self.field = field
            self.code = code
        }
    }

    static let valid = RuleCondition(.status, .is, .string("open"))

    static let cases: [Case] = [
        .init(RuleCondition(field: "statuz", operator: "is", value: .string("open")), "field", "unknown_field"),
        .init(RuleCondition(field: "custom_fields.", operator: "present"), "field", "unknown_field"),
        .init(RuleCondition(field: "custom_fields.Bad Key", operator: "present"), "field", "unknown_field"),
        .init(
            RuleCondition(field: "status", operator: "equals", value: .string("open")), "operator", "unknown_operator"),
        .init(RuleCondition(.status, .contains, .string("op")), "operator", "operator_not_allowed"),
        .init(RuleCondition(.status, .greaterThan, .string("open")), "operator", "operator_not_allowed"),
        .init(RuleCondition(.tags, .is, .string("vip")), "operator", "operator_not_allowed"),
        .init(RuleCondition(.hoursSinceCreated, .is, .number(2)), "operator", "operator_not_allowed"),
        .init(RuleCondition(.event, .changed), "operator", "operator_not_allowed"),
        .init(RuleCondition(.channel, .present), "operator", "operator_not_allowed"),
        .init(RuleCondition(.status, .is, .string("archived")), "value", "unknown_value"),
        .init(RuleCondition(.priority, .greaterThan, .string("critical")), "value", "unknown_value"),
        .init(RuleCondition(.event, .is, .string("ticket_deleted")), "value", "unknown_value"),
        .init(RuleCondition(.slaMetric, .is, .string("first_response")), "value", "unknown_value"),
        .init(RuleCondition(.status, .is, .number(1)), "value", "invalid_value"),
        .init(RuleCondition(.status, .is), "value", "value_required"),
        .init(RuleCondition(.status, .changed, .string("open")), "value", "value_not_allowed"),
        .init(RuleCondition(.groupID, .present, .bool(true)), "value", "value_not_allowed"),
        .init(RuleCondition(.groupID, .is, .string("after-sales")), "value", "invalid_value"),
        .init(RuleCondition(.commentIsPublic, .is, .string("true")), "value", "invalid_value"),
        .init(RuleCondition(.hoursSinceCreated, .greaterThan, .string("2")), "value", "invalid_value"),
        .init(RuleCondition(.subject, .contains, .string("")), "value", "invalid_value"),
        .init(RuleCondition(.subject, .contains, .array([.string("a")])), "value", "invalid_value"),
        .init(RuleCondition(.subject, .containsAnyWords, .string("   ")), "value", "value_required"),
        .init(
            RuleCondition(.subject, .containsAnyWords, .array([.string("ok"), .number(1)])), "value[1]", "invalid_value"
        ),
        .init(RuleCondition(.tags, .includes, .array([])), "value", "invalid_value"),
        .init(RuleCondition(.tags, .includes, .array([.string("ok"), .string("a,b")])), "value[1]", "invalid_tag"),
        .init(RuleCondition(.customField("fault"), .is, .array([.string("a")])), "value", "invalid_value"),
        .init(RuleCondition(.customField("units"), .greaterThan, .bool(true)), "value", "invalid_value"),
    ]

    @Test(arguments: cases)
    func invalidConditionIsReportedWithItsPath(_ row: Case) {
        // given
        let conditions = RuleConditions(all: [Self.valid, Self.valid, row.condition])
        // when
        let error = validationError { try conditions.compiled() }
        // then
        #expect(error?.field == "conditions.all[2].\(row.field)")
        #expect(error?.code == row.code)
    }

    @Test
    func anyGroupErrorsNameTheAnyGroup() {
        let conditions = RuleConditions(all: [Self.valid], any: [RuleCondition(field: "nope", operator: "is")])
        let error = validationError { try conditions.compiled(field: "triggers[3].conditions") }
        #expect(error?.field == "triggers[3].conditions.any[0].field")
    }

    @Test
    func operatorErrorListsTheAllowedOperators() {
        let error = validationError {
            try RuleConditions(all: [RuleCondition(.status, .includes, .string("x"))]).compiled()
        }
        #expect(error?.message == "status accepts only: is, is_not, changed, changed_to, changed_from, not_changed")
    }

    @Test(arguments: RuleField.fixedFields)
    func everyFieldRoundTripsThroughItsPath(_ field: RuleField) {
        #expect(RuleField(path: field.path) == field)
        #expect(!field.allowedOperators.isEmpty)
    }
}
