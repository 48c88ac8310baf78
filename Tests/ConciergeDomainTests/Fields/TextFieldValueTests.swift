import ConciergeDomain
import Testing

@Suite("Custom field values: text, textarea, regex")
struct TextFieldValueTests {
    static let text = FieldFixtures.validField(.text)
    static let textarea = FieldFixtures.validField(.textarea)

    @Test(
        arguments: [
            ("SN-001", "SN-001"),
            ("  padded  ", "padded"),
            ("维修 上海", "维修 上海"),
            (String(repeating: "a", count: 2_000), String(repeating: "a", count: 2_000)),
            (String(repeating: "序", count: 2_000), String(repeating: "序", count: 2_000)),
            (String(repeating: "👨‍👩‍👧", count: 2_000), String(repeating: "👨‍👩‍👧", count: 2_000)),
        ])
    func textIsTrimmedAndCountsCharactersNotBytes(input: String, stored: String) throws {
        #expect(try Self.text.normalizedValue(.string(input)) == .string(stored))
    }

    @Test(
        arguments: [
            (JSONValue.string(String(repeating: "a", count: 2_001)), "too_long"),
            (.string(String(repeating: "序", count: 2_001)), "too_long"),
            (.string("line\nbreak"), "invalid_characters"),
            (.string("bell\u{07}"), "invalid_characters"),
            (.number(1), "invalid_field_value"),
            (.bool(true), "invalid_field_value"),
            (.array([.string("a")]), "invalid_field_value"),
        ])
    func textRefusesLongMultilineOrNonStringValues(value: JSONValue, code: String) {
        let error = validationError { try Self.text.normalizedValue(value) }
        #expect(error?.field == "custom_fields.field")
        #expect(error?.code == code)
    }

    @Test(arguments: [JSONValue.null, .string(""), .string("  \n ")])
    func emptyTextClearsTheField(value: JSONValue) throws {
        #expect(try Self.text.normalizedValue(value) == .null)
        #expect(try Self.textarea.normalizedValue(value) == .null)
    }

    @Test(
        arguments: [
            "  indented\n\tline two\r\n",
            String(repeating: "长", count: 50_000),
        ])
    func textareaKeepsTextAsTypedUpToFiftyThousandCharacters(input: String) throws {
        #expect(try Self.textarea.normalizedValue(.string(input)) == .string(input))
    }

    @Test
    func textareaRefusesFiftyThousandAndOneCharactersAndControlCharacters() {
        let tooLong = validationError {
            try Self.textarea.normalizedValue(.string(String(repeating: "长", count: 50_001)))
        }
        #expect(tooLong?.code == "too_long")
        #expect(tooLong?.message == "must be at most 50000 characters")
        let control = validationError { try Self.textarea.normalizedValue(.string("a\u{00}b")) }
        #expect(control?.code == "invalid_characters")
    }

    @Test(
        arguments: [
            ("[A-Z]{2}-\\d{4}", "AB-1234", true),
            ("[A-Z]{2}-\\d{4}", " AB-1234 ", true),
            ("[A-Z]{2}-\\d{4}", "xAB-1234", false),
            ("[A-Z]{2}-\\d{4}", "AB-12345", false),
            ("[A-Z]{2}-\\d{4}", "AB-1234 extra", false),
            ("[A-Z]{2}-\\d{4}", "ab-1234", false),
            ("a|b", "a", true),
            ("a|b", "ab", false),
            ("^\\d+$", "123", true),
            ("^\\d+$", "12a", false),
            ("\\p{Han}{2,4}", "张三", true),
            ("\\p{Han}{2,4}", "张", false),
        ])
    func regexValueMustMatchThePatternFully(pattern: String, input: String, matches: Bool) {
        // given
        let field = FieldFixtures.field("code", .regex, pattern: pattern)
        // when
        let error = validationError { try field.normalizedValue(.string(input)) }
        // then
        if matches {
            #expect(error == nil)
        } else {
            #expect(error?.field == "custom_fields.code")
            #expect(error?.code == "pattern_mismatch")
        }
    }

    @Test
    func regexValueIsStoredTrimmedAndRefusesNonStrings() throws {
        let field = FieldFixtures.field("code", .regex, pattern: "\\d+")
        #expect(try field.normalizedValue(.string(" 42 ")) == .string("42"))
        #expect(validationError { try field.normalizedValue(.number(42)) }?.code == "invalid_field_value")
        #expect(
            validationError { try field.normalizedValue(.string(String(repeating: "1", count: 2_001))) }?.code
                == "too_long")
    }
}
