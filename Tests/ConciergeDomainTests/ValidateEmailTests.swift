import ConciergeDomain
import Testing

@Suite("Validate.email")
struct ValidateEmailTests {
    static let longestLocalPart = String(repeating: "l", count: 64)
    /// 64 + 1 + 189 = 254 characters.
    static let longestAddress = longestLocalPart + "@" + String(repeating: "d", count: 185) + ".com"

    @Test(
        "emailIsTrimmedAndLowercased",
        arguments: [
            ("agent@example.com", "agent@example.com"),
            ("Agent.Zhang@Example.COM", "agent.zhang@example.com"),
            ("  user@example.com  ", "user@example.com"),
            ("\tuser@example.com\n", "user@example.com"),
            ("a.b+tag@sub.example.cn", "a.b+tag@sub.example.cn"),
            ("x@y.z", "x@y.z"),
            ("ADMIN@DEMO.CONCIERGE.LOCAL", "admin@demo.concierge.local"),
            ("张三@例子.中国", "张三@例子.中国"),
            (longestAddress, longestAddress),
        ])
    func emailIsNormalized(_ input: String, _ expected: String) throws {
        #expect(try Validate.email(input) == expected)
    }

    @Test(
        "emailRejectsMalformedAddresses",
        arguments: [
            "",
            "   ",
            "plainaddress",
            "@example.com",
            "user@",
            "user@example",
            "user@.example.com",
            "user@example.com.",
            "user@example..com",
            "a@b@example.com",
            "user name@example.com",
            "user@exa mple.com",
            "user\t@example.com",
            "user\u{0}@example.com",
            "user@example.com\u{7}x",
            longestLocalPart + "l@example.com",
            longestAddress + "d",
        ])
    func emailRejectsMalformed(_ input: String) {
        // when
        let error = validationError { try Validate.email(input) }
        // then
        #expect(
            error == ValidationError(field: "email", code: "invalid_email", message: "is not a valid email address"))
    }

    @Test func emailBoundariesAreSixtyFourAndTwoHundredFiftyFour() {
        #expect(Self.longestLocalPart.count == 64)
        #expect(Self.longestAddress.count == 254)
    }

    @Test func emailErrorNamesTheGivenField() {
        let error = validationError { try Validate.email("nope", field: "users[3].email") }
        #expect(error?.field == "users[3].email")
        #expect(error?.description == "users[3].email: is not a valid email address")
    }
}
