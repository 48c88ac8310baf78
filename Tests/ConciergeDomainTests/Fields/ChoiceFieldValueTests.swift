import ConciergeDomain
import Testing

@Suite("Custom field values: checkbox, dropdown, multi-select, references")
struct ChoiceFieldValueTests {
    static let checkbox = FieldFixtures.field("warranty", .checkbox)
    static let dropdown = FieldFixtures.field("fault", .dropdown, options: ["no_power", "noise", "leak"])
    static let multiSelect = FieldFixtures.field("parts", .multiSelect, options: ["pump", "valve", "motor"])

    @Test(arguments: [true, false])
    func checkboxAcceptsBooleans(flag: Bool) throws {
        #expect(try Self.checkbox.normalizedValue(.bool(flag)) == .bool(flag))
    }

    @Test(arguments: [JSONValue.string("true"), .number(1), .string("")])
    func checkboxRefusesAnythingButABoolean(value: JSONValue) {
        let error = validationError { try Self.checkbox.normalizedValue(value) }
        #expect(
            error
                == ValidationError(
                    field: "custom_fields.warranty", code: "invalid_field_value", message: "must be true or false"))
    }

    @Test(arguments: [("noise", JSONValue.string("noise")), (" leak ", .string("leak")), ("", .null)])
    func dropdownAcceptsOneOptionValue(input: String, stored: JSONValue) throws {
        #expect(try Self.dropdown.normalizedValue(.string(input)) == stored)
    }

    @Test(
        arguments: [
            (JSONValue.string("Noise"), "invalid_option"),
            (.string("smoke"), "invalid_option"),
            (.number(1), "invalid_field_value"),
            (.array([.string("noise")]), "invalid_field_value"),
        ])
    func dropdownRefusesUnknownOptionsAndOtherTypes(value: JSONValue, code: String) {
        let error = validationError { try Self.dropdown.normalizedValue(value) }
        #expect(error?.field == "custom_fields.fault")
        #expect(error?.code == code)
    }

    @Test
    func unknownOptionMessageListsTheOptions() {
        let error = validationError { try Self.dropdown.normalizedValue(.string("smoke")) }
        #expect(error?.message == "'smoke' is not one of: no_power, noise, leak")
    }

    @Test(
        arguments: [
            (["motor", "pump"], JSONValue.array([.string("pump"), .string("motor")])),
            (["motor", "pump", "motor", "pump"], .array([.string("pump"), .string("motor")])),
            (["valve"], .array([.string("valve")])),
            ([], .null),
        ])
    func multiSelectIsDeduplicatedInOptionOrder(input: [String], stored: JSONValue) throws {
        #expect(try Self.multiSelect.normalizedValue(.array(input.map(JSONValue.string))) == stored)
    }

    @Test(
        arguments: [
            (JSONValue.array([.string("pump"), .string("gear")]), "invalid_option"),
            (.array([.string("pump"), .number(1)]), "invalid_field_value"),
            (.string("pump"), "invalid_field_value"),
        ])
    func multiSelectRefusesUnknownOptionsAndNonArrays(value: JSONValue, code: String) {
        let error = validationError { try Self.multiSelect.normalizedValue(value) }
        #expect(error?.field == "custom_fields.parts")
        #expect(error?.code == code)
    }

    @Test(arguments: [CustomFieldType.customerReference, .assetReference])
    func referenceStoresALowercaseUUID(type: CustomFieldType) throws {
        let field = FieldFixtures.field("ref", type)
        let stored = try field.normalizedValue(.string(" E621E1F8-C36C-495A-93FC-0C247A3E6E5F "))
        #expect(stored == .string("e621e1f8-c36c-495a-93fc-0c247a3e6e5f"))
        #expect(try field.normalizedValue(.string("")) == .null)
    }

    @Test(
        arguments: [
            (CustomFieldType.customerReference, JSONValue.string("not-a-uuid"), "must be a customer id (UUID)"),
            (.assetReference, .string("e621e1f8c36c495a93fc0c247a3e6e5f"), "must be an asset id (UUID)"),
            (.assetReference, .number(7), "must be an asset id (UUID)"),
        ])
    func referenceRefusesAnythingButAUUID(type: CustomFieldType, value: JSONValue, message: String) {
        let error = validationError { try FieldFixtures.field("ref", type).normalizedValue(value) }
        #expect(error == ValidationError(field: "custom_fields.ref", code: "invalid_field_value", message: message))
    }

    @Test(arguments: CustomFieldType.allCases)
    func wrongTypeMessageNamesTheExpectedType(type: CustomFieldType) {
        // given
        let field = FieldFixtures.validField(type)
        // when
        let error = validationError { try field.normalizedValue(.object([:])) }
        // then
        #expect(
            error
                == ValidationError(
                    field: "custom_fields.field", code: "invalid_field_value",
                    message: "must be \(type.expectedValueDescription)"))
    }

    @Test(arguments: CustomFieldType.allCases)
    func nullClearsEveryType(type: CustomFieldType) throws {
        #expect(try FieldFixtures.validField(type).normalizedValue(.null) == .null)
    }

    @Test
    func rawValuesAreSnakeCase() {
        #expect(
            CustomFieldType.allCases.map(\.rawValue) == [
                "text", "textarea", "integer", "decimal", "date", "datetime", "checkbox", "dropdown", "multi_select",
                "regex", "customer_reference", "asset_reference",
            ])
    }
}
