import ConciergeDomain
import Testing

@Suite("CustomFieldValues required checks")
struct RequiredFieldTests {
    static let values = CustomFieldValues(definitions: [
        FieldFixtures.field("serial", .text, requiredOnCreate: true, position: 1),
        FieldFixtures.field("parts", .multiSelect, requiredToSolve: true, options: ["a", "b"], position: 2),
        FieldFixtures.field("root_cause", .textarea, visibility: .internal, requiredToSolve: true, position: 3),
        FieldFixtures.field(
            "priority_code", .dropdown, visibility: .internal, requiredOnCreate: true, options: ["p1"], position: 4),
        FieldFixtures.field("terms", .checkbox, requiredOnCreate: true, position: 5),
        FieldFixtures.field("legacy", .text, requiredOnCreate: true, requiredToSolve: true, position: 6, active: false),
    ])

    @Test(
        arguments: [
            ([:], ["serial", "priority_code", "terms"]),
            (["serial": JSONValue.string("SN-1")], ["priority_code", "terms"]),
            (["serial": .string(""), "terms": .bool(false)], ["serial", "priority_code", "terms"]),
            (["serial": .string("SN-1"), "priority_code": .string("p1"), "terms": .bool(true)], []),
            (["serial": .null, "priority_code": .string("p1"), "terms": .bool(true)], ["serial"]),
        ])
    func requiredOnCreateReportsEmptyFieldsInPositionOrder(values: [String: JSONValue], missing: [String]) {
        // when
        let errors = Self.values.missingRequired(onCreate: values)
        // then
        #expect(errors.map(\.field) == missing.map { "custom_fields.\($0)" })
        #expect(errors.allSatisfy { $0.code == "required" })
    }

    @Test
    func customerCreatingATicketIsNotAskedForInternalFields() {
        let errors = Self.values.missingRequired(onCreate: ["serial": .string("SN-1")], asCustomer: true)
        #expect(errors == [ValidationError(field: "custom_fields.terms", code: "required", message: "is required")])
    }

    @Test
    func withAFormOnlyItsFieldsAreRequired() {
        // given
        let form = FieldFixtures.form("quick", fields: ["terms", "legacy", "parts"])
        // when
        let onCreate = Self.values.missingRequired(onCreate: [:], form: form)
        let toSolve = Self.values.missingRequiredToSolve([:], form: form)
        // then
        #expect(onCreate.map(\.field) == ["custom_fields.terms"])
        #expect(toSolve.map(\.field) == ["custom_fields.parts"])
    }

    @Test(
        arguments: [
            ([:], ["parts", "root_cause"]),
            (["parts": JSONValue.array([])], ["parts", "root_cause"]),
            (["parts": .array([.string("a")])], ["root_cause"]),
            (["parts": .array([.string("a")]), "root_cause": .string("worn seal")], []),
        ])
    func requiredToSolveIncludesInternalFields(values: [String: JSONValue], missing: [String]) {
        let errors = Self.values.missingRequiredToSolve(values)
        #expect(errors.map(\.field) == missing.map { "custom_fields.\($0)" })
        #expect(errors.allSatisfy { $0.code == "required" && $0.message == "is required before the ticket is solved" })
    }

    @Test(arguments: [(JSONValue.bool(true), true), (.bool(false), false), (.null, false)])
    func requiredCheckboxMustBeTicked(value: JSONValue, filled: Bool) {
        #expect(FieldFixtures.field("terms", .checkbox).isFilled(value) == filled)
    }

    @Test(arguments: [(JSONValue.number(0), true), (.string("0"), true), (.array([]), false), (.string(""), false)])
    func zeroCountsAsFilledButEmptyDoesNot(value: JSONValue, filled: Bool) {
        #expect(FieldFixtures.field("n", .integer).isFilled(value) == filled)
    }
}
