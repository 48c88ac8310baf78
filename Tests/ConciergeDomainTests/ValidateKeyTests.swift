import ConciergeDomain
import Testing

@Suite("Validate.key")
struct ValidateKeyTests {
    @Test(
        arguments: [
            "a", "0", "after-sales", "east_station", "warehouse", "team-2", "-", "_", String(repeating: "k", count: 64),
        ])
    func keyAcceptsLowercaseLettersDigitsHyphensAndUnderscores(_ text: String) throws {
        #expect(try Validate.key(text, field: "key") == text)
    }

    @Test(
        arguments: [
            "", String(repeating: "k", count: 65), "After-Sales", "after sales", "售后", "a.b", "a/b", "é", " key",
            "key\n",
        ])
    func keyRejectsOtherText(_ text: String) {
        let error = validationError { try Validate.key(text, field: "groups[0].key") }
        #expect(
            error
                == ValidationError(
                    field: "groups[0].key", code: "invalid_key",
                    message: "must be 1-64 lowercase letters, digits, '-' or '_'"))
    }
}
