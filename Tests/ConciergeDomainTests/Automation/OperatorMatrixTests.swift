import ConciergeDomain
import Testing

/// The whole field × operator matrix: every allowed pair compiles with a value of the right
/// shape, every other pair is refused, and every negative operator is the exact opposite of
/// its positive partner on every row of the condition tables.
@Suite("Rule operator matrix")
struct OperatorMatrixTests {
    typealias F = RuleFixtures

    static let fields = RuleField.fixedFields + [.customField("fault")]

    /// A value of the shape `op` needs on `field`.
    static func sample(_ field: RuleField, _ op: RuleOperator) -> JSONValue? {
        switch op {
        case .changed, .notChanged, .present, .blank: return nil
        case .contains, .notContains: return .string("退货")
        case .containsAnyWords, .containsNone: return .array([.string("退货"), .string("refund")])
        case .includes, .notIncludes: return .array([.string("vip")])
        case .greaterThan, .lessThan:
            return field == .priority ? .string("normal") : .number(2)
        case .is, .isNot, .changedTo, .changedFrom:
            switch field {
            case .status: return .string("open")
            case .priority: return .string("high")
            case .type: return .string("incident")
            case .channel: return .string("wecom")
            case .event: return .string("comment_added")
            case .commentAuthor: return .string("customer")
            case .slaMetric: return .string("next_reply")
            case .groupID, .assigneeID, .organizationID: return .string(F.group.description)
            case .commentIsPublic, .withinBusinessHours: return .bool(true)
            default: return .string("vip")
            }
        }
    }

    static let pairs: [(RuleField, RuleOperator)] = fields.flatMap { field in
        RuleOperator.allCases.map { (field, $0) }
    }

    @Test(arguments: pairs)
    func allowedPairsCompileAndOthersAreRefused(field: RuleField, op: RuleOperator) {
        // when
        let error = validationError {
            try RuleConditions(all: [RuleCondition(field, op, Self.sample(field, op))]).compiled()
        }
        // then
        if field.allowedOperators.contains(op) {
            #expect(error == nil)
        } else {
            #expect(error?.field == "conditions.all[0].operator")
            #expect(error?.code == "operator_not_allowed")
        }
    }

    static let partners: [RuleOperator: RuleOperator] = [
        .is: .isNot, .contains: .notContains, .containsAnyWords: .containsNone, .changed: .notChanged,
        .present: .blank, .includes: .notIncludes,
    ]
    static let tables =
        EnumerationConditionTests.cases + IdentifierAndKeyConditionTests.cases + TextConditionTests.cases
        + TagConditionTests.cases + FlagAndHoursConditionTests.cases + CustomFieldConditionTests.cases
        + ChangedConditionTests.cases

    @Test(arguments: tables)
    func negativeOperatorIsTheExactOppositeOfItsPartner(_ row: ConditionCase) throws {
        // given
        guard let op = RuleOperator(rawValue: row.condition.operator) else { return }
        let partner = Self.partners[op] ?? Self.partners.first { $0.value == op }?.key
        guard let partner else { return }
        var opposite = row.condition
        opposite.operator = partner.rawValue
        // then
        #expect(try F.holds(opposite, row.subject) == !row.expected)
    }

    @Test
    func customFieldNotChangedHoldsOnlyWithoutAChange() throws {
        let condition = RuleCondition(.customField("fault"), .notChanged)
        let same = F.ticket(customFields: ["fault": .string("leak")])
        #expect(try F.holds(condition, F.subject(same, previous: same)))
        #expect(try !F.holds(condition, F.subject(same, previous: F.ticket())))
    }
}
