import ConciergeDomain
import Testing

@Suite("Validate.displayName")
struct ValidateDisplayNameTests {
    @Test(
        "displayNameIsTrimmed",
        arguments: [
            ("Alice", "Alice"),
            ("  Alice  ", "Alice"),
            ("\t Bob Smith \n", "Bob Smith"),
            ("张三", "张三"),
            ("  王经理 (Admin)  ", "王经理 (Admin)"),
            ("仓库 刘", "仓库 刘"),
            ("精密设备演示公司", "精密设备演示公司"),
            ("\u{3000}李主管\u{3000}", "李主管"),  // ideographic spaces are whitespace
            ("👩‍💻 Support", "👩‍💻 Support"),
        ])
    func displayNameIsTrimmed(_ input: String, _ expected: String) throws {
        #expect(try Validate.displayName(input, field: "name") == expected)
    }

    @Test(arguments: ["", " ", "   ", "\n", "\t\r\n ", "\u{3000}"])
    func displayNameRejectsEmptyOrBlank(_ input: String) {
        let error = validationError { try Validate.displayName(input, field: "name") }
        #expect(error == ValidationError(field: "name", code: "required", message: "must not be empty"))
    }

    @Test(
        "displayNameAcceptsUpToTheLimitInCharacters",
        arguments: [
            String(repeating: "a", count: 200),
            String(repeating: "张", count: 200),
            String(repeating: "👩‍💻", count: 200),
            "  " + String(repeating: "a", count: 200) + "  ",
        ])
    func displayNameAcceptsTwoHundredCharacters(_ input: String) throws {
        #expect(try Validate.displayName(input, field: "name").count == 200)
    }

    @Test(arguments: [String(repeating: "a", count: 201), String(repeating: "张", count: 201)])
    func displayNameRejectsTooLong(_ input: String) {
        let error = validationError { try Validate.displayName(input, field: "name") }
        #expect(error == ValidationError(field: "name", code: "too_long", message: "must be at most 200 characters"))
    }

    @Test func displayNameHonoursCustomMaxLength() throws {
        #expect(try Validate.displayName("abcde", field: "title", maxLength: 5) == "abcde")
        let error = validationError { try Validate.displayName("abcdef", field: "title", maxLength: 5) }
        #expect(error == ValidationError(field: "title", code: "too_long", message: "must be at most 5 characters"))
    }

    @Test(arguments: ["a\u{0}b", "line1\nline2", "tab\there", "bell\u{7}", "del\u{7F}x", "张\r三", "esc\u{1B}[0m"])
    func displayNameRejectsControlCharacters(_ input: String) {
        let error = validationError { try Validate.displayName(input, field: "name") }
        #expect(error?.code == "invalid_characters")
        #expect(error?.field == "name")
        #expect(error?.message == "must not contain control characters")
    }
}
