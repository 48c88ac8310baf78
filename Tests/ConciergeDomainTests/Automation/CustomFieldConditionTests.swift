import ConciergeDomain
import Testing

@Suite("Rule conditions on custom fields")
struct CustomFieldConditionTests {
    typealias F = RuleFixtures

    static let fields: [String: JSONValue] = [
        "fault": .string("Leak"), "model": .string("打印机 X200 Pro"), "units": .number(12),
        "amount": .string("12.50"), "bought_on": .string("2025-03-01"), "warranty": .bool(true),
        "parts": .array([.string("pump"), .string("filter")]), "empty_note": .string(""), "no_parts": .array([]),
    ]
    static let subject = F.subject(F.ticket(customFields: fields))

    static func field(_ key: String, _ op: RuleOperator, _ value: JSONValue? = nil) -> RuleCondition {
        RuleCondition(.customField(key), op, value)
    }

    static let cases: [ConditionCase] = [
        .init("text is ignores case", field("fault", .is, .string("leak")), subject, true),
        .init("text is other", field("fault", .is, .string("noise")), subject, false),
        .init("text is_not other", field("fault", .isNot, .string("noise")), subject, true),
        .init("missing is", field("missing", .is, .string("leak")), subject, false),
        .init("missing is_not", field("missing", .isNot, .string("leak")), subject, true),
        .init("number is", field("units", .is, .number(12)), subject, true),
        .init("number is as text", field("units", .is, .string("12")), subject, false),
        .init("bool is", field("warranty", .is, .bool(true)), subject, true),
        .init("bool is_not", field("warranty", .isNot, .bool(true)), subject, false),
        .init("number greater_than", field("units", .greaterThan, .number(5)), subject, true),
        .init("number less_than", field("units", .lessThan, .number(5)), subject, false),
        .init("number greater_than itself", field("units", .greaterThan, .number(12)), subject, false),
        .init("decimal text greater_than", field("amount", .greaterThan, .number(10)), subject, true),
        .init("decimal text less_than", field("amount", .lessThan, .number(12.4)), subject, false),
        .init("date after", field("bought_on", .greaterThan, .string("2025-01-31")), subject, true),
        .init("date before", field("bought_on", .lessThan, .string("2025-01-31")), subject, false),
        .init("text against a number bound", field("fault", .greaterThan, .number(1)), subject, false),
        .init("missing greater_than", field("missing", .greaterThan, .number(1)), subject, false),
        .init("contains", field("model", .contains, .string("x200")), subject, true),
        .init("contains Chinese", field("model", .contains, .string("打印机")), subject, true),
        .init("not_contains", field("model", .notContains, .string("x300")), subject, true),
        .init("contains on a number", field("units", .contains, .string("1")), subject, false),
        .init("contains_any_words", field("model", .containsAnyWords, .string("x100 pro")), subject, true),
        .init("contains_none", field("model", .containsNone, .string("x100 x300")), subject, true),
        .init("includes in multi-select", field("parts", .includes, .array([.string("FILTER")])), subject, true),
        .init("includes absent option", field("parts", .includes, .array([.string("motor")])), subject, false),
        .init("not_includes", field("parts", .notIncludes, .array([.string("motor")])), subject, true),
        .init(
            "includes on a single value", field("fault", .includes, .array([.string("leak"), .string("noise")])),
            subject, true),
        .init("present", field("fault", .present), subject, true),
        .init("blank when missing", field("missing", .blank), subject, true),
        .init("blank when empty text", field("empty_note", .blank), subject, true),
        .init("blank when empty list", field("no_parts", .blank), subject, true),
        .init("present on false", field("warranty", .present), subject, true),
    ]

    @Test(arguments: cases)
    func customFieldConditionHoldsAsTabled(_ row: ConditionCase) throws {
        #expect(try F.holds(row.condition, row.subject) == row.expected)
    }
}
