import ConciergeDomain
import Testing

@Suite("InboundWebhookMapping requester")
struct IntakeRequesterTests {
    private func draft(_ requester: InboundRequesterMapping, _ members: [String: JSONValue]) -> InboundWebhookResult {
        let mapping = InboundWebhookMapping(subject: "ticket", requester: requester)
        return mapping.map(.object(members))
    }

    @Test("the payload's email is normalised and preferred to the fallback")
    func payloadEmail() {
        let result = draft(
            InboundRequesterMapping(email: "$.user.email", fallbackEmail: "ops@example.com"),
            ["user": .object(["email": .string("  Li.Wei@Example.COM ")])])
        #expect(draftOf(result)?.requesterEmail == "li.wei@example.com")
    }

    @Test("a missing or invalid email falls back to the fixed address")
    func fallback() {
        let requester = InboundRequesterMapping(email: "$.email", fallbackEmail: "ops@example.com")
        #expect(draftOf(draft(requester, [:]))?.requesterEmail == "ops@example.com")
        #expect(draftOf(draft(requester, ["email": .string("nobody")]))?.requesterEmail == "ops@example.com")
    }

    @Test("an invalid email from a composite template names mapping.requester.email")
    func compositeTemplate() {
        let result = draft(InboundRequesterMapping(email: "{{$.user}}@{{$.domain}}"), ["user": .string("li")])
        #expect(invalidErrorOf(result)?.field == "mapping.requester.email")
        #expect(invalidErrorOf(result)?.code == "invalid_email")
    }

    @Test("a phone number alone is enough")
    func phoneOnly() {
        let result = draft(
            InboundRequesterMapping(email: "$.email", phone: "$.phone"), ["phone": .number(13_800_138_000)])
        #expect(draftOf(result)?.requesterPhone == "13800138000")
        #expect(draftOf(result)?.requesterEmail == nil)
    }

    @Test("no email, no phone and no fallback is missing_requester naming the email path")
    func missingRequester() {
        let result = draft(InboundRequesterMapping(email: "$.email", name: "$.name"), ["name": .string("王小明")])
        #expect(
            invalidErrorOf(result)
                == ValidationError(
                    field: "payload.$.email", code: "missing_requester", message: "gives no requester email or phone"))
    }
}
