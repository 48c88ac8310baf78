import ConciergeDomain
import Foundation
import Testing

@Suite("CustomFieldValues")
struct CustomFieldValuesTests {
    static let definitions = [
        FieldFixtures.field("serial", .regex, pattern: "SN-\\d+", position: 1),
        FieldFixtures.field("model", .dropdown, options: ["x1", "x2"], position: 2),
        FieldFixtures.field("cost", .decimal, visibility: .internal, position: 3),
        FieldFixtures.field("old_code", .text, position: 4, active: false),
        FieldFixtures.field("customer", .customerReference, visibility: .internal, position: 5),
        FieldFixtures.field("machine", .assetReference, position: 0),
    ]
    static let values = CustomFieldValues(definitions: definitions)

    @Test
    func validInputIsReturnedInStoredForm() throws {
        // when
        let stored = try Self.values.validate(
            ["serial": .string(" SN-42 "), "model": .string("x2"), "cost": .number(12.5)], asCustomer: false)
        // then
        #expect(stored == ["serial": .string("SN-42"), "model": .string("x2"), "cost": .string("12.5")])
    }

    @Test(arguments: ["nope", "old_code", "Serial"])
    func unknownAndInactiveFieldsAreRefused(key: String) {
        let error = validationError { try Self.values.validate([key: .string("x")], asCustomer: false) }
        #expect(error?.field == "custom_fields.\(key)")
        #expect(error?.code == "unknown_field")
    }

    @Test
    func valueErrorsNameTheCustomFieldPath() {
        let error = validationError { try Self.values.validate(["model": .string("x3")], asCustomer: false) }
        #expect(error?.field == "custom_fields.model")
        #expect(error?.code == "invalid_option")
    }

    @Test
    func nullIsKeptAsAnInstructionToClear() throws {
        let stored = try Self.values.validate(["model": .null, "serial": .string("")], asCustomer: true)
        #expect(stored == ["model": .null, "serial": .null])
    }

    @Test(arguments: ["cost", "customer"])
    func customerMayNotSetInternalFields(key: String) {
        let error = validationError { try Self.values.validate([key: .null], asCustomer: true) }
        #expect(error?.field == "custom_fields.\(key)")
        #expect(error?.code == "field_not_editable")
    }

    @Test
    func agentMaySetInternalFieldsAndCustomerMaySetCustomerFields() throws {
        #expect(try Self.values.validate(["cost": .string("1")], asCustomer: false) == ["cost": .string("1")])
        #expect(try Self.values.validate(["model": .string("x1")], asCustomer: true) == ["model": .string("x1")])
    }

    @Test
    func withAFormOnlyItsFieldsAreAccepted() throws {
        // given
        let form = FieldFixtures.form("repair", fields: ["model"])
        // when
        let outside = validationError {
            try Self.values.validate(["serial": .string("SN-1")], form: form, asCustomer: false)
        }
        // then
        #expect(outside?.field == "custom_fields.serial")
        #expect(outside?.code == "unknown_field")
        #expect(outside?.message == "is not a field of the form repair")
        #expect(
            try Self.values.validate(["model": .string("x1")], form: form, asCustomer: false) == [
                "model": .string("x1")
            ])
    }

    @Test
    func firstProblemInKeyOrderIsThrown() {
        let error = validationError {
            try Self.values.validate(["zzz": .null, "model": .string("bad"), "aaa": .null], asCustomer: false)
        }
        #expect(error?.field == "custom_fields.aaa")
    }

    @Test
    func mergingReplacesValuesAndRemovesClearedKeys() {
        // given
        let stored: [String: JSONValue] = ["serial": .string("SN-1"), "model": .string("x1"), "cost": .string("3")]
        // when
        let merged = CustomFieldValues.merging(
            ["model": .null, "cost": .string("4"), "machine": .string("m")], into: stored)
        // then
        #expect(merged == ["serial": .string("SN-1"), "cost": .string("4"), "machine": .string("m")])
    }

    @Test
    func customerSeesOnlyActiveCustomerFields() {
        // given
        let stored: [String: JSONValue] = [
            "serial": .string("SN-1"), "model": .string("x1"), "cost": .string("3"), "old_code": .string("o"),
            "customer": .string("c"), "deleted_field": .string("d"),
        ]
        // when
        let visible = Self.values.visibleToCustomer(stored)
        // then
        #expect(visible == ["serial": .string("SN-1"), "model": .string("x1")])
    }

    @Test
    func referencesListCustomerAndAssetIDsByPosition() throws {
        // given
        let customerID = UUID()
        let assetID = UUID()
        let stored = try Self.values.validate(
            ["customer": .string(customerID.uuidString), "machine": .string(assetID.uuidString)], asCustomer: false)
        // when
        let references = Self.values.references(in: stored)
        // then
        #expect(
            references == [
                CustomFieldReference(fieldKey: "machine", kind: .asset, id: assetID),
                CustomFieldReference(fieldKey: "customer", kind: .customer, id: customerID),
            ])
        #expect(references[1].notFoundError.field == "custom_fields.customer")
        #expect(references[1].notFoundError.code == "not_found")
        #expect(Self.values.references(in: ["serial": .string(customerID.uuidString)]).isEmpty)
    }

    @Test
    func definitionsAreOrderedByPositionAndApplicableExcludesInactive() {
        #expect(Self.values.definitions.map(\.key) == ["machine", "serial", "model", "cost", "old_code", "customer"])
        #expect(Self.values.applicable(form: nil).map(\.key) == ["machine", "serial", "model", "cost", "customer"])
        let form = FieldFixtures.form("f", fields: ["cost", "old_code", "missing", "serial"])
        #expect(Self.values.applicable(form: form).map(\.key) == ["cost", "serial"])
    }
}
