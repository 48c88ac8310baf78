import ConciergeDomain
import Testing

@Suite("Zabbix-style flat webhook")
struct IntakeZabbixTests {
    private let mapping = InboundWebhookMapping(
        subject: "{{$.trigger_name}} ({{$.host}})",
        description: "Value: {{$.item_value}} at {{$.event_date}} {{$.event_time}}",
        requester: InboundRequesterMapping(fallbackEmail: "zabbix@example.com"),
        priority: InboundValueTable(
            path: "$.severity",
            values: ["Disaster": "urgent", "High": "high", "Average": "normal", "Warning": "normal"],
            defaultValue: "low"),
        type: InboundValueTable(defaultValue: "incident"),
        tags: InboundTagsMapping(fixed: ["zabbix"], paths: ["{{$.host}}"]),
        customFields: ["item_value": "$.item_value", "acknowledged": "$.acknowledged"],
        externalID: "zabbix-{{$.event_id}}",
        updateExisting: true,
        conditions: [InboundCondition(path: "$.event_value", .equals(.string("1")))],
        asset: "$.host")

    private func payload(eventValue: JSONValue = .number(1), severity: String = "High") -> JSONValue {
        .object([
            "event_id": .string("12345"), "trigger_name": .string("High CPU load"), "host": .string("web-01"),
            "severity": .string(severity), "event_value": eventValue, "item_value": .number(97.5),
            "acknowledged": .bool(false), "event_date": .string("2025.06.15"), "event_time": .string("10:15:00"),
        ])
    }

    @Test("a problem event becomes a ticket about the host's asset")
    func problemEvent() throws {
        // given
        try mapping.validate()
        // when
        let draft = try #require(draftOf(mapping.map(payload())))
        // then
        #expect(draft.subject == "High CPU load (web-01)")
        #expect(draft.description == "Value: 97.5 at 2025.06.15 10:15:00")
        #expect(draft.priority == .high)
        #expect(draft.type == .incident)
        #expect(draft.tags == ["web-01", "zabbix"])
        #expect(draft.customFields == ["item_value": .number(97.5), "acknowledged": .bool(false)])
        #expect(draft.externalID == "zabbix-12345")
        #expect(draft.assetTag == "web-01")
    }

    @Test("a number 1 meets a condition written as the string \"1\"")
    func numberMeetsStringCondition() {
        #expect(draftOf(mapping.map(payload(eventValue: .string("1")))) != nil)
        #expect(draftOf(mapping.map(payload(eventValue: .number(1)))) != nil)
    }

    @Test("a recovery event (event_value 0) is ignored")
    func recoveryIgnored() {
        #expect(ignoredReasonOf(mapping.map(payload(eventValue: .number(0)))) == #"$.event_value is 0, expected "1""#)
    }

    @Test("severities map through the table, ignoring case, with low as the default")
    func severityTable() {
        #expect(draftOf(mapping.map(payload(severity: "disaster")))?.priority == .urgent)
        #expect(draftOf(mapping.map(payload(severity: "Not classified")))?.priority == .low)
    }
}
