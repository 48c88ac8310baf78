import ConciergeDomain
import Foundation
import Testing

@Suite("InboundWebhookMapping.map")
struct IntakeMappingTests {
    @Test("the subject is put on one line, trimmed and cut to 500 characters")
    func subjectShape() throws {
        // given
        let mapping = minimalMapping()
        let long = "  告警\n第二行\r\n" + String(repeating: "长", count: 600)
        // when
        let draft = try #require(draftOf(mapping.map(.object(["title": .string(long)]))))
        // then
        #expect(draft.subject.hasPrefix("告警 第二行 长长"))
        #expect(draft.subject.count == 500)
    }

    @Test("an empty subject is refused naming mapping.subject and the missing paths")
    func emptySubject() {
        // given
        let mapping = minimalMapping(subject: "  {{$.title}} {{$.name}} ")
        // when
        let error = invalidErrorOf(mapping.map(.object(["name": .string(""), "other": .number(1)])))
        // then
        #expect(
            error
                == ValidationError(
                    field: "mapping.subject", code: "empty_subject",
                    message: "renders empty for this payload (missing: $.title, $.name)"))
    }

    @Test("a required path holding null counts as missing")
    func requiredNull() {
        var mapping = minimalMapping()
        mapping.required = ["$.title", "$.alert.id"]
        let error = invalidErrorOf(mapping.map(.object(["title": .string("x"), "alert": .object(["id": .null])])))
        #expect(error?.field == "payload.$.alert.id")
        #expect(error?.code == "missing")
    }

    @Test("an empty description is left out")
    func emptyDescription() {
        var mapping = minimalMapping()
        mapping.description = "  {{$.details}}  "
        #expect(draftOf(mapping.map(.object(["title": .string("x")])))?.description == nil)
    }

    @Test("priority: exact key, then any case, then an enum value as given, then the default")
    func priorityLookup() {
        // given
        var mapping = minimalMapping()
        mapping.priority = InboundValueTable(path: "$.p", values: ["P1": "urgent", "1": "high"], defaultValue: "low")
        func priority(_ value: JSONValue) -> TicketPriority? {
            draftOf(mapping.map(.object(["title": .string("t"), "p": value])))?.priority
        }
        // then
        #expect(priority(.string("P1")) == .urgent)
        #expect(priority(.string(" p1 ")) == .urgent)
        #expect(priority(.number(1)) == .high)
        #expect(priority(.string("High")) == .high)
        #expect(priority(.string("P9")) == .low)
        #expect(priority(.null) == .low)
    }

    @Test("without a match or a default the priority and type stay nil")
    func noDefault() {
        var mapping = minimalMapping()
        mapping.priority = InboundValueTable(path: "$.p", values: ["P1": "urgent"])
        let draft = draftOf(mapping.map(.object(["title": .string("t"), "p": .string("P5")])))
        #expect(draft?.priority == nil)
        #expect(draft?.type == nil)
    }

    @Test("payload tags are normalised, deduplicated, and ones breaking the tag rules dropped")
    func tagRules() throws {
        // given
        var mapping = minimalMapping()
        mapping.tags = InboundTagsMapping(fixed: ["Monitoring"], paths: ["$.labels", "$.env", "$.missing"])
        let payload: JSONValue = .object([
            "title": .string("t"), "env": .string("Prod Env"),
            "labels": .array([
                .string("DB"), .string("db"), .string("a,b"), .string(""), .null, .number(7),
                .string(String(repeating: "x", count: 51)),
            ]),
        ])
        // when
        let draft = try #require(draftOf(mapping.map(payload)))
        // then
        #expect(draft.tags == ["7", "db", "monitoring", "prod_env"])
    }

    @Test("a payload giving more than 100 tags is refused")
    func tooManyTags() {
        var mapping = minimalMapping()
        mapping.tags = InboundTagsMapping(paths: ["$.labels"])
        let labels = JSONValue.array((0...100).map { .string("tag\($0)") })
        let error = invalidErrorOf(mapping.map(.object(["title": .string("t"), "labels": labels])))
        #expect(error?.field == "mapping.tags")
        #expect(error?.code == "too_many_tags")
    }

    @Test("custom fields keep scalars, skip missing, null and empty values, and render templates")
    func customFieldValues() throws {
        // given
        var mapping = minimalMapping()
        mapping.customFields = [
            "count": "$.count", "ok": "$.ok", "gone": "$.gone", "missing": "$.missing", "blank": "$.blank",
            "label": "{{$.count}} × {{$.ok}}",
        ]
        let payload: JSONValue = .object([
            "title": .string("t"), "count": .number(3), "ok": .bool(true), "gone": .null, "blank": .string(""),
        ])
        // when
        let draft = try #require(draftOf(mapping.map(payload)))
        // then
        #expect(draft.customFields == ["count": .number(3), "ok": .bool(true), "label": .string("3 × true")])
    }

    @Test("a custom field given an object or array is refused naming the payload path")
    func customFieldWrongType() {
        var mapping = minimalMapping()
        mapping.customFields = ["details": "$.details"]
        let error = invalidErrorOf(
            mapping.map(.object(["title": .string("t"), "details": .object(["a": .number(1)])])))
        #expect(error?.field == "payload.$.details")
        #expect(error?.code == "invalid_type")
    }

    @Test("external id and asset are trimmed text; numbers lose .0; missing gives nil")
    func references() {
        // given
        var mapping = minimalMapping()
        mapping.externalID = "$.id"
        mapping.asset = "{{$.serial | upper}}"
        // when
        let withValues = draftOf(
            mapping.map(.object(["title": .string("t"), "id": .number(1001), "serial": .string(" sn-9 ")])))
        let without = draftOf(mapping.map(.object(["title": .string("t")])))
        // then
        #expect(withValues?.externalID == "1001")
        #expect(withValues?.assetTag == "SN-9")
        #expect(without?.externalID == nil && without?.assetTag == nil)
        #expect(without?.updateExisting == false)
    }

    @Test("an external id over 255 characters is refused naming the payload path")
    func externalIDTooLong() {
        var mapping = minimalMapping()
        mapping.externalID = "$.id"
        let error = invalidErrorOf(
            mapping.map(.object(["title": .string("t"), "id": .string(String(repeating: "9", count: 256))])))
        #expect(error?.field == "payload.$.id")
        #expect(error?.code == "too_long")
    }

    @Test("all conditions must hold; the first failing one is reported")
    func allConditions() {
        // given
        var mapping = minimalMapping()
        mapping.conditions = [
            InboundCondition(path: "$.kind", .equals(.string("alert"))),
            InboundCondition(path: "$.test", .exists(false)),
        ]
        // then
        #expect(draftOf(mapping.map(.object(["title": .string("t"), "kind": .string("alert")]))) != nil)
        #expect(
            ignoredReasonOf(
                mapping.map(.object(["title": .string("t"), "kind": .string("alert"), "test": .bool(true)])))
                == "$.test is true, expected no value")
        #expect(
            ignoredReasonOf(mapping.map(.object(["title": .string("t")]))) == #"$.kind is missing, expected "alert""#)
    }

    @Test("conditions are tested before required paths, so an ignored ping is not refused")
    func conditionsBeforeRequired() {
        var mapping = minimalMapping()
        mapping.conditions = [InboundCondition(path: "$.kind", .notEquals(.string("ping")))]
        mapping.required = ["$.title"]
        #expect(ignoredReasonOf(mapping.map(.object(["kind": .string("ping")]))) != nil)
    }

    @Test("a minimal JSON mapping decodes with defaults")
    func decodesMinimal() throws {
        // given
        let json = #"{"subject": "{{$.title}}", "requester": {"email": "$.from"}}"#
        // when
        let mapping = try JSONDecoder().decode(InboundWebhookMapping.self, from: Data(json.utf8))
        // then
        #expect(mapping.tags == InboundTagsMapping())
        #expect(mapping.customFields.isEmpty && mapping.conditions.isEmpty && mapping.required.isEmpty)
        #expect(!mapping.updateExisting)
        #expect(mapping.requester.email == "$.from")
    }
}
