import ConciergeDomain
import Testing

@Suite("InboundWebhookMapping.validate")
struct IntakeMappingValidationTests {
    private func errorField(_ change: (inout InboundWebhookMapping) -> Void) -> String? {
        var mapping = minimalMapping()
        change(&mapping)
        return validationError { try mapping.validate() }?.field
    }

    @Test("a minimal mapping is valid")
    func minimalIsValid() throws {
        try minimalMapping().validate()
    }

    @Test("a priority table value that is not a priority names its key")
    func priorityValue() {
        // given
        var mapping = minimalMapping()
        mapping.priority = InboundValueTable(path: "$.severity", values: ["P1": "critical", "P2": "high"])
        // when
        let error = validationError { try mapping.validate() }
        // then
        #expect(
            error
                == ValidationError(
                    field: "mapping.priority.values.P1", code: "invalid_value",
                    message: "must be one of low, normal, high, urgent"))
    }

    @Test("bad tables, templates and sources name their field")
    func fieldNames() {
        #expect(errorField { $0.subject = "{{$.a | nope}}" } == "mapping.subject")
        #expect(errorField { $0.description = "{{x}}" } == "mapping.description")
        #expect(
            errorField { $0.type = InboundValueTable(path: "$.kind", values: ["bug": "defect"]) }
                == "mapping.type.values.bug")
        #expect(errorField { $0.type = InboundValueTable(defaultValue: "bug") } == "mapping.type.default")
        #expect(errorField { $0.priority = InboundValueTable(values: ["a": "low"]) } == "mapping.priority.path")
        #expect(errorField { $0.priority = InboundValueTable(path: "$.[") } == "mapping.priority.path")
        #expect(errorField { $0.requester.email = "$.user..email" } == "mapping.requester.email")
        #expect(errorField { $0.requester.fallbackEmail = "not-an-email" } == "mapping.requester.fallback_email")
        #expect(errorField { $0.externalID = "{{$.id" } == "mapping.external_id")
        #expect(errorField { $0.asset = "$.serial[" } == "mapping.asset")
        #expect(errorField { $0.tags.fixed = ["ok", " "] } == "mapping.tags.fixed[1]")
        #expect(errorField { $0.tags.paths = ["$.labels", "{{$.x | bad}}"] } == "mapping.tags.paths[1]")
        #expect(errorField { $0.customFields = ["order_no": "$.order["] } == "mapping.custom_fields.order_no")
        #expect(errorField { $0.customFields = ["Order No": "$.order"] } == "mapping.custom_fields.Order No")
        #expect(
            errorField { $0.conditions = [InboundCondition(path: "x", .exists(true))] } == "mapping.conditions[0].path")
        #expect(errorField { $0.required = ["$.ok", "nope"] } == "mapping.required[1]")
    }

    @Test("a requester mapping needs an email, a phone or a fallback")
    func requesterNeeded() {
        #expect(errorField { $0.requester = InboundRequesterMapping(name: "$.user.name") } == "mapping.requester")
    }

    @Test("limits: 50 custom fields, 20 tags, 20 conditions, 2000-character sources")
    func limits() {
        // given
        let fields = Dictionary(uniqueKeysWithValues: (0...50).map { ("field_\($0)", InboundValueSource("$.f\($0)")) })
        let longSource = InboundValueSource("$." + String(repeating: "k", count: 1999))
        // then
        #expect(errorField { $0.customFields = fields } == "mapping.custom_fields")
        #expect(errorField { $0.customFields = fields.filter { $0.key != "field_0" } } == nil)
        #expect(
            errorField {
                $0.tags = InboundTagsMapping(fixed: (0..<15).map { "t\($0)" }, paths: Array(repeating: "$.x", count: 6))
            } == "mapping.tags")
        #expect(errorField { $0.tags = InboundTagsMapping(fixed: (0..<20).map { "t\($0)" }) } == nil)
        #expect(
            errorField { $0.conditions = Array(repeating: InboundCondition(path: "$.a", .exists(true)), count: 21) }
                == "mapping.conditions")
        #expect(errorField { $0.externalID = longSource } == "mapping.external_id")
        #expect(errorField { $0.subject = InboundTemplate(String(repeating: "x", count: 2001)) } == "mapping.subject")
    }

    @Test("an invalid mapping makes every payload invalid, naming the mapping field")
    func invalidMappingInMap() {
        var mapping = minimalMapping()
        mapping.priority = InboundValueTable(path: "$.p", values: ["P1": "asap"])
        #expect(invalidErrorOf(mapping.map(.object(["title": .string("x")])))?.field == "mapping.priority.values.P1")
    }
}
