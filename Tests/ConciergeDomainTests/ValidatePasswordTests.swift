import ConciergeDomain
import Testing

@Suite("Validate.password")
struct ValidatePasswordTests {
    @Test(
        "passwordAcceptsTenToSeventyTwoBytesWithFourDistinctCharacters",
        arguments: [
            "abcdabcdab",  // 10 characters, exactly 4 distinct
            "correct horse battery staple",
            String(repeating: "abcd", count: 18),  // 72 bytes
            String(repeating: "密码安全", count: 6),  // 24 × 3 = 72 bytes
            "密码安全密码安全密码",  // 10 characters, 30 bytes
        ])
    func passwordAcceptsReasonableText(_ text: String) {
        #expect(validationError { try Validate.password(text) } == nil)
    }

    @Test(arguments: ["", "short", "abcdefgh1", "密码安全密码安全密"])
    func passwordRejectsFewerThanTenCharacters(_ text: String) {
        let error = validationError { try Validate.password(text) }
        #expect(error?.code == "password_too_short")
        #expect(error?.field == "password")
    }

    @Test(
        arguments: [
            String(repeating: "abcd", count: 18) + "e",  // 73 bytes
            String(repeating: "密码安全", count: 6) + "码",  // 25 characters, 75 bytes
            String(repeating: "😀🙂🙃😉", count: 5),  // 20 characters, 80 bytes
        ])
    func passwordRejectsMoreThanSeventyTwoBytes(_ text: String) {
        let error = validationError { try Validate.password(text) }
        #expect(error?.code == "password_too_long")
        #expect(error?.message == "must be at most 72 bytes")
    }

    @Test(arguments: ["aaaaaaaaaa", "abababababab", "abcabcabcabc", "密码密码密码密码密码", "1111111111111"])
    func passwordRejectsFewerThanFourDistinctCharacters(_ text: String) {
        let error = validationError { try Validate.password(text) }
        #expect(error?.code == "password_too_simple")
    }

    @Test func passwordErrorNamesTheGivenField() {
        let error = validationError { try Validate.password("x", field: "new_password") }
        #expect(error?.field == "new_password")
    }
}
