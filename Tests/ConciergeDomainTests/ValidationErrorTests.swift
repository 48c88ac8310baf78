import ConciergeDomain
import Testing

@Suite("ValidationError")
struct ValidationErrorTests {
    @Test(arguments: [
        ("email", "users[2]", "users[2].email"),
        ("", "users[2]", "users[2]"),
        ("members[1]", "groups[0]", "groups[0].members[1]"),
        ("name", "tenant", "tenant.name"),
    ])
    func nestedPrefixesTheField(_ field: String, _ prefix: String, _ expected: String) {
        // given
        let error = ValidationError(field: field, code: "invalid_email", message: "is not a valid email address")
        // when
        let nested = error.nested(under: prefix)
        // then
        #expect(
            nested == ValidationError(field: expected, code: "invalid_email", message: "is not a valid email address"))
    }

    @Test func nestingTwiceAddsPrefixesOutsideIn() {
        let error = ValidationError(field: "email", code: "c", message: "m").nested(under: "users[1]").nested(
            under: "spec")
        #expect(error.field == "spec.users[1].email")
    }

    @Test func descriptionIsFieldColonMessage() {
        let error = ValidationError(
            field: "users[2].email", code: "invalid_email", message: "is not a valid email address")
        #expect(error.description == "users[2].email: is not a valid email address")
    }
}
