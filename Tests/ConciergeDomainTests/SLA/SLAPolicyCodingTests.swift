import ConciergeDomain
import Foundation
import Testing

@Suite("SLAPolicy JSON")
struct SLAPolicyCodingTests {
    static let json = """
        {"key": "vip", "title": {"zh_cn": "VIP 客户", "en": "VIP customers"}, "position": 1,
         "calendar": "shanghai-office",
         "conditions": {"priorities": ["high", "urgent"], "customer_tiers": ["vip"], "organization_tiers": ["gold"],
                        "channels": ["email", "wecom"], "group_ids": ["00000000-0000-0000-0000-0000000000b1"],
                        "ticket_types": ["incident"], "custom_fields": {"region": "east"}},
         "targets": {"first_reply": {"urgent": {"minutes": 30, "business_hours": false}, "high": {"minutes": 60}},
                     "resolution": {"high": {"minutes": 2400}}},
         "pause_on": {"first_reply": ["pending"]},
         "warning": {"minutes_before": 15}}
        """

    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    @Test func theHandWrittenShapeDecodes() throws {
        // when
        let policy = try Self.decode(SLAPolicy.self, Self.json)
        // then
        #expect(
            policy
                == SLAPolicy(
                    key: "vip", title: LocalizedText(zhCN: "VIP 客户", en: "VIP customers"), position: 1,
                    calendarKey: "shanghai-office",
                    conditions: SLAConditions(
                        priorities: [.high, .urgent], customerTiers: ["vip"], organizationTiers: ["gold"],
                        channels: [.email, .wecom], groupIDs: [GroupID("00000000-0000-0000-0000-0000000000b1")!],
                        ticketTypes: [.incident], customFields: ["region": .string("east")]),
                    targets: SLATargets([
                        .firstReply: [
                            .urgent: SLATarget(minutes: 30, businessHours: false), .high: SLATarget(minutes: 60),
                        ],
                        .resolution: [.high: SLATarget(minutes: 2_400, businessHours: true)],
                    ]),
                    pauseOn: [.firstReply: [.pending]], warning: .minutesBefore(15)))
        #expect(throws: Never.self) { try policy.validated() }
    }

    @Test func aMinimalPolicyTakesTheDefaults() throws {
        // when
        let policy = try Self.decode(
            SLAPolicy.self,
            #"{"key": "standard", "title": {"zh_cn": "标准", "en": ""}, "targets": {"resolution": {"normal": {"minutes": 480}}}}"#
        )
        // then
        #expect(policy.position == 0)
        #expect(policy.calendarKey == nil)
        #expect(policy.conditions == SLAConditions())
        #expect(policy.pauseOn.isEmpty)
        #expect(policy.warning == .percentElapsed(80))
        #expect(policy.targets[.resolution, .normal] == SLATarget(minutes: 480, businessHours: true))
    }

    @Test func encodingRoundTrips() throws {
        // given
        let policy = try Self.decode(SLAPolicy.self, Self.json)
        // when
        let decoded = try Self.decode(SLAPolicy.self, String(decoding: try JSONEncoder().encode(policy), as: UTF8.self))
        // then
        #expect(decoded == policy)
    }

    @Test func keysAreSnakeCase() throws {
        // given
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // when
        let text = String(decoding: try encoder.encode(try Self.decode(SLAPolicy.self, Self.json)), as: UTF8.self)
        // then
        for key in [
            "\"pause_on\":{\"first_reply\":[\"pending\"]}", "\"calendar\":\"shanghai-office\"",
            "\"customer_tiers\"", "\"organization_tiers\"", "\"group_ids\"", "\"ticket_types\"", "\"custom_fields\"",
            "\"business_hours\":false", "\"warning\":{\"minutes_before\":15}", "\"zh_cn\"",
        ] {
            #expect(text.contains(key), "missing \(key) in \(text)")
        }
    }

    @Test(arguments: [
        (#"{"frist_reply": {"normal": {"minutes": 60}}}"#),
        (#"{"first_reply": {"critical": {"minutes": 60}}}"#),
        (#"{"first_reply": {"normal": {"business_hours": true}}}"#),
        (#"{"first_reply": {"normal": 60}}"#),
    ])
    func unknownMetricsAndPrioritiesAreDecodingErrors(_ text: String) {
        #expect(throws: DecodingError.self) { try Self.decode(SLATargets.self, text) }
    }

    @Test(arguments: [
        (#"{"percent_elapsed": 75}"#, SLAWarning.percentElapsed(75)),
        (#"{"minutes_before": 30}"#, .minutesBefore(30)),
    ])
    func warningsDecodeFromOneKey(_ text: String, _ warning: SLAWarning) throws {
        #expect(try Self.decode(SLAWarning.self, text) == warning)
        #expect(
            String(decoding: try JSONEncoder().encode(warning), as: UTF8.self)
                == text.replacingOccurrences(of: " ", with: ""))
    }

    @Test(arguments: [#"{}"#, #"{"percent_elapsed": 75, "minutes_before": 30}"#, #"{"percent": 75}"#])
    func aWarningNeedsExactlyOneKey(_ text: String) {
        #expect(throws: DecodingError.self) { try Self.decode(SLAWarning.self, text) }
    }

    @Test func anUnknownPauseMetricIsADecodingError() {
        #expect(throws: DecodingError.self) {
            try Self.decode(
                SLAPolicy.self,
                #"{"key": "k", "title": {"zh_cn": "k", "en": ""}, "targets": {}, "pause_on": {"resolve": ["pending"]}}"#
            )
        }
    }

    @Test(arguments: SLAMetric.allCases)
    func metricsUseSnakeCaseRawValues(_ metric: SLAMetric) {
        let expected: [SLAMetric: String] = [
            .firstReply: "first_reply", .nextReply: "next_reply", .requesterWait: "requester_wait",
            .resolution: "resolution",
        ]
        #expect(metric.rawValue == expected[metric])
    }
}
