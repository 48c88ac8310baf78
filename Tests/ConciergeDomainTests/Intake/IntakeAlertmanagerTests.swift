import ConciergeDomain
import Foundation
import Testing

@Suite("Prometheus Alertmanager webhook")
struct IntakeAlertmanagerTests {
    /// The mapping as a tenant would store it, in snake_case JSON.
    private let mappingJSON = #"""
        {
          "subject":
            "[{{$.commonLabels.severity | upper}}] {{$.commonLabels.alertname}} on {{$.alerts[0].labels.instance}}",
          "description":
            "{{$.alerts[0].annotations.summary}}\n\n{{$.alerts[0].annotations.description | default: \"-\"}}",
          "requester": {"fallback_email": "Alerts@Example.com", "name": "{{$.receiver}}"},
          "priority": {
            "path": "$.alerts[0].labels.severity",
            "values": {"critical": "urgent", "warning": "high"},
            "default": "normal"
          },
          "type": {"default": "incident"},
          "tags": {"fixed": ["alertmanager"], "paths": ["$.alerts[0].labels.team", "$.alerts[0].labels.alertname"]},
          "custom_fields": {"instance": "$.alerts[0].labels.instance", "starts_at": "$.alerts[0].startsAt"},
          "external_id": "$.alerts[0].fingerprint",
          "update_existing": true,
          "conditions": [{"path": "$.status", "equals": "firing"}],
          "required": ["$.alerts[0].annotations.summary"]
        }
        """#

    private func payload(status: String = "firing", severity: String = "critical", summary: String? = "磁盘空间不足")
        throws -> JSONValue
    {
        let annotations = summary.map { #""summary": "\#($0)", "# } ?? ""
        return try inboundPayload(
            #"""
            {
              "version": "4", "status": "\#(status)", "receiver": "concierge",
              "groupKey": "{}:{alertname=\"DiskFull\"}", "externalURL": "http://alertmanager:9093",
              "groupLabels": {"alertname": "DiskFull"},
              "commonLabels": {"alertname": "DiskFull", "severity": "\#(severity)"},
              "alerts": [{
                "status": "\#(status)",
                "labels": {"alertname": "DiskFull", "severity": "\#(severity)", "instance": "db-1:9100", "team": "DBA"},
                "annotations": {\#(annotations)"description": "/var is 97% full"},
                "startsAt": "2025-06-15T08:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                "generatorURL": "http://prometheus:9090/graph", "fingerprint": "c0ffee1234"
              }]
            }
            """#)
    }

    private func mapping() throws -> InboundWebhookMapping {
        try JSONDecoder().decode(InboundWebhookMapping.self, from: Data(mappingJSON.utf8))
    }

    @Test("a firing alert becomes an urgent incident keyed by its fingerprint")
    func firingAlert() throws {
        // given
        let mapping = try mapping()
        try mapping.validate()
        // when
        let draft = try #require(draftOf(mapping.map(try payload())))
        // then
        #expect(draft.subject == "[CRITICAL] DiskFull on db-1:9100")
        #expect(draft.description == "磁盘空间不足\n\n/var is 97% full")
        #expect(draft.requesterEmail == "alerts@example.com")
        #expect(draft.requesterName == "concierge")
        #expect(draft.priority == .urgent)
        #expect(draft.type == .incident)
        #expect(draft.tags == ["alertmanager", "dba", "diskfull"])
        #expect(draft.customFields == ["instance": .string("db-1:9100"), "starts_at": .string("2025-06-15T08:00:00Z")])
        #expect(draft.externalID == "c0ffee1234")
        #expect(draft.updateExisting)
        #expect(draft.assetTag == nil)
    }

    @Test("a retry of the same alert yields the same external id and draft")
    func retryIsIdentical() throws {
        let mapping = try mapping()
        #expect(mapping.map(try payload()) == mapping.map(try payload()))
    }

    @Test("a resolved notification is ignored, saying why")
    func resolvedIsIgnored() throws {
        // when
        let result = try mapping().map(try payload(status: "resolved"))
        // then
        #expect(ignoredReasonOf(result) == #"$.status is "resolved", expected "firing""#)
    }

    @Test("a severity outside the table gets the default priority")
    func unknownSeverity() throws {
        let draft = try #require(draftOf(try mapping().map(try payload(severity: "info"))))
        #expect(draft.priority == .normal)
        #expect(draft.subject == "[INFO] DiskFull on db-1:9100")
    }

    @Test("warning maps to high through the table")
    func warningSeverity() throws {
        #expect(draftOf(try mapping().map(try payload(severity: "warning")))?.priority == .high)
    }

    @Test("an alert without a summary is refused naming the payload path")
    func missingSummary() throws {
        let error = invalidErrorOf(try mapping().map(try payload(summary: nil)))
        #expect(
            error
                == ValidationError(
                    field: "payload.$.alerts[0].annotations.summary", code: "missing", message: "is missing"))
        #expect(error?.description == "payload.$.alerts[0].annotations.summary: is missing")
    }

    @Test("the mapping survives a JSON round trip with snake_case keys")
    func roundTrip() throws {
        // given
        let mapping = try mapping()
        // when
        let data = try JSONEncoder().encode(mapping)
        let text = String(decoding: data, as: UTF8.self)
        // then
        #expect(try JSONDecoder().decode(InboundWebhookMapping.self, from: data) == mapping)
        #expect(text.contains("\"update_existing\":true") && text.contains("\"fallback_email\""))
        #expect(text.contains("\"custom_fields\"") && text.contains("\"external_id\""))
    }
}
