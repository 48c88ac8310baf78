import ConciergeDomain
import Testing

@Suite("Custom field values: integer, decimal")
struct NumberFieldValueTests {
    static let integer = FieldFixtures.validField(.integer, key: "count")
    static let decimal = FieldFixtures.validField(.decimal, key: "amount")

    @Test(
        arguments: [
            (0.0, 0.0), (42, 42), (-7, -7), (-0.0, 0), (1e15, 1e15),
            (9_007_199_254_740_991, 9_007_199_254_740_991), (-9_007_199_254_740_991, -9_007_199_254_740_991),
        ])
    func integerAcceptsWholeNumbersAJSONNumberCarriesExactly(input: Double, stored: Double) throws {
        #expect(try Self.integer.normalizedValue(.number(input)) == .number(stored))
    }

    @Test(
        arguments: [
            (JSONValue.number(1.5), "invalid_field_value"),
            (.number(0.000_1), "invalid_field_value"),
            (.number(9_007_199_254_740_992), "out_of_range"),
            // Int64.max cannot be held by JSONValue's Double (it reads as 2^63), so it is refused
            // rather than stored as a different number.
            (.number(Double(Int64.max)), "out_of_range"),
            (.number(Double(Int64.min)), "out_of_range"),
            (.number(1e300), "out_of_range"),
            (.string("42"), "invalid_field_value"),
            (.string("9223372036854775807"), "invalid_field_value"),
            (.bool(false), "invalid_field_value"),
        ])
    func integerRefusesFractionsStringsAndNumbersBeyondExactRange(value: JSONValue, code: String) {
        let error = validationError { try Self.integer.normalizedValue(value) }
        #expect(error?.field == "custom_fields.count")
        #expect(error?.code == code)
    }

    @Test
    func integerWrongTypeMessageNamesTheExpectedType() {
        let error = validationError { try Self.integer.normalizedValue(.string("42")) }
        #expect(error?.message == "must be a whole number")
    }

    @Test(
        arguments: [
            (JSONValue.string("1.50"), "1.50"),
            (.string("1.5"), "1.5"),
            (.string("007.25"), "7.25"),
            (.string("0.5"), "0.5"),
            (.string("0"), "0"),
            (.string("-0.00"), "0.00"),
            (.string("-12.345678"), "-12.345678"),
            (.string(" 3.14 "), "3.14"),
            (.string("999999999999.999999"), "999999999999.999999"),
            (.string("-999999999999"), "-999999999999"),
            (.string("000000000000001.000000"), "1.000000"),
            (.number(1.5), "1.5"),
            (.number(2), "2"),
            (.number(-0.25), "-0.25"),
            (.number(0.1), "0.1"),
            (.number(0.000_001), "0.000001"),
            (.number(-0.0), "0"),
            (.number(123_456_789_012), "123456789012"),
            (.number(99_999.99), "99999.99"),
        ])
    func decimalIsStoredAsCanonicalTextKeepingTheScaleOfAString(value: JSONValue, stored: String) throws {
        #expect(try Self.decimal.normalizedValue(value) == .string(stored))
    }

    @Test(
        arguments: [
            (JSONValue.string("1.2345678"), "out_of_range"),
            (.string("1000000000000"), "out_of_range"),
            (.number(1e12), "out_of_range"),
            (.number(1e-7), "out_of_range"),
            (.number(1e300), "out_of_range"),
            (.string("abc"), "invalid_field_value"),
            (.string("1e3"), "invalid_field_value"),
            (.string("+1"), "invalid_field_value"),
            (.string(".5"), "invalid_field_value"),
            (.string("5."), "invalid_field_value"),
            (.string("1,5"), "invalid_field_value"),
            (.string("--1"), "invalid_field_value"),
            (.string("-"), "invalid_field_value"),
            (.string("１２"), "invalid_field_value"),
            (.string("NaN"), "invalid_field_value"),
            (.bool(true), "invalid_field_value"),
            (.array([]), "invalid_field_value"),
        ])
    func decimalRefusesOtherNotationAndMoreThanTwelvePlusSixDigits(value: JSONValue, code: String) {
        let error = validationError { try Self.decimal.normalizedValue(value) }
        #expect(error?.field == "custom_fields.amount")
        #expect(error?.code == code)
    }

    @Test(arguments: [JSONValue.null, .string(""), .string("  ")])
    func emptyDecimalClearsTheField(value: JSONValue) throws {
        #expect(try Self.decimal.normalizedValue(value) == .null)
        #expect(try Self.integer.normalizedValue(.null) == .null)
    }
}
