import ConciergeDomain
import Testing

@Suite("GitHub-issue-like webhook")
struct IntakeGitHubIssueTests {
    private let mapping = InboundWebhookMapping(
        subject: "{{$.repository.full_name}}#{{$.issue.number}}: {{$.issue.title}}",
        description: "{{$.issue.body | truncate: 20}}\n\n{{$.issue.html_url}}",
        requester: InboundRequesterMapping(name: "$.issue.user.login", fallbackEmail: "github@example.com"),
        type: InboundValueTable(path: "$.issue.labels[0].name", values: ["bug": "problem"], defaultValue: "question"),
        tags: InboundTagsMapping(fixed: ["github"], paths: ["$.issue.labels[*].name"]),
        customFields: ["issue_number": "$.issue.number", "repository": "$.repository.full_name"],
        externalID: "github:{{$.repository.full_name}}#{{$.issue.number}}",
        updateExisting: true,
        conditions: [InboundCondition(path: "$.action", .oneOf([.string("opened"), .string("reopened")]))])

    private func payload(action: String = "opened") -> JSONValue {
        .object([
            "action": .string(action),
            "issue": .object([
                "number": .number(42), "title": .string("Crash on login"),
                "body": .string("Steps: open the app, tap Login, see the crash."),
                "html_url": .string("https://github.com/acme/app/issues/42"),
                "user": .object(["login": .string("octocat")]),
                "labels": .array([.object(["name": .string("bug")]), .object(["name": .string("High Priority")])]),
            ]),
            "repository": .object(["full_name": .string("acme/app")]),
        ])
    }

    @Test("an opened issue becomes a problem ticket with its labels as tags")
    func openedIssue() throws {
        // given
        try mapping.validate()
        // when
        let draft = try #require(draftOf(mapping.map(payload())))
        // then
        #expect(draft.subject == "acme/app#42: Crash on login")
        #expect(draft.description == "Steps: open the app,\n\nhttps://github.com/acme/app/issues/42")
        #expect(draft.requesterName == "octocat")
        #expect(draft.requesterEmail == "github@example.com")
        #expect(draft.type == .problem)
        #expect(draft.tags == ["bug", "github", "high_priority"])
        #expect(draft.customFields == ["issue_number": .number(42), "repository": .string("acme/app")])
        #expect(draft.externalID == "github:acme/app#42")
    }

    @Test("only opened and reopened actions make tickets")
    func otherActionsIgnored() {
        #expect(draftOf(mapping.map(payload(action: "reopened"))) != nil)
        #expect(
            ignoredReasonOf(mapping.map(payload(action: "closed")))
                == #"$.action is "closed", expected one of ["opened","reopened"]"#)
    }
}
