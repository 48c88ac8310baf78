import ConciergeDomain
import Testing

@Suite("SLAPolicy validation")
struct SLAPolicyValidationTests {
    static let valid = SLAPolicy(
        key: "vip", title: LocalizedText(zhCN: "VIP 客户", en: "VIP"),
        targets: SLATargets([.firstReply: [.normal: SLATarget(minutes: 60)]]))

    static func with(_ change: (inout SLAPolicy) -> Void) -> SLAPolicy {
        var policy = valid
        change(&policy)
        return policy
    }

    /// (policy, field, code).
    static let invalid: [(SLAPolicy, String, String)] = [
        (with { $0.key = "VIP Policy" }, "key", "invalid_key"),
        (with { $0.title = LocalizedText(zhCN: " ", en: "") }, "title", "required"),
        (with { $0.calendarKey = "Shanghai Office" }, "calendar", "invalid_key"),
        (with { $0.conditions.customerTiers = ["vip", "gold star"] }, "conditions.customer_tiers[1]", "invalid_key"),
        (with { $0.conditions.organizationTiers = [""] }, "conditions.organization_tiers[0]", "invalid_key"),
        (
            with { $0.conditions.customFields = ["Region": .string("east")] }, "conditions.custom_fields.Region",
            "invalid_key"
        ),
        (with { $0.targets = SLATargets() }, "targets", "required"),
        (with { $0.targets = SLATargets([.resolution: [:]]) }, "targets", "required"),
        (
            with { $0.targets[.resolution, .urgent] = SLATarget(minutes: 0) }, "targets.resolution.urgent.minutes",
            "invalid_target"
        ),
        (
            with { $0.targets[.firstReply, .low] = SLATarget(minutes: -5) }, "targets.first_reply.low.minutes",
            "invalid_target"
        ),
        (
            with { $0.targets[.nextReply, .high] = SLATarget(minutes: SLAPolicy.maxTargetMinutes + 1) },
            "targets.next_reply.high.minutes", "invalid_target"
        ),
        (with { $0.pauseOn[.resolution] = [.pending, .solved] }, "pause_on.resolution", "invalid_pause_status"),
        (with { $0.pauseOn[.firstReply] = [.new] }, "pause_on.first_reply", "invalid_pause_status"),
        (with { $0.warning = .percentElapsed(0) }, "warning.percent_elapsed", "invalid_warning"),
        (with { $0.warning = .percentElapsed(100) }, "warning.percent_elapsed", "invalid_warning"),
        (with { $0.warning = .minutesBefore(0) }, "warning.minutes_before", "invalid_warning"),
    ]

    @Test(arguments: invalid)
    func anInvalidPolicyIsRefusedNamingTheField(_ policy: SLAPolicy, _ field: String, _ code: String) {
        let error = validationError { try policy.validated() }
        #expect(error?.field == field)
        #expect(error?.code == code)
    }

    @Test func validationNormalisesConditionsAndPauses() throws {
        // given
        let group = GroupID("00000000-0000-0000-0000-0000000000b1")!
        let policy = Self.with {
            $0.title = LocalizedText(zhCN: " VIP 客户 ", en: "")
            $0.conditions = SLAConditions(
                priorities: [.urgent, .high, .urgent], customerTiers: [" VIP", "gold", "vip"],
                channels: [.wecom, .email, .wecom], groupIDs: [group, group], ticketTypes: [.task, .incident])
            $0.pauseOn = [.resolution: [.pending, .onHold, .pending], .firstReply: []]
        }
        // when
        let validated = try policy.validated()
        // then
        #expect(validated.title == LocalizedText(zhCN: "VIP 客户", en: ""))
        #expect(validated.conditions.priorities == [.high, .urgent])
        #expect(validated.conditions.customerTiers == ["gold", "vip"])
        #expect(validated.conditions.channels == [.email, .wecom])
        #expect(validated.conditions.groupIDs == [group])
        #expect(validated.conditions.ticketTypes == [.incident, .task])
        #expect(validated.pauseOn == [.resolution: [.onHold, .pending], .firstReply: []])
    }

    /// (metric, the policy's `pause_on` entry for it, the statuses that pause it).
    static let pauses: [(SLAMetric, [TicketStatus]?, Set<TicketStatus>)] = [
        (.firstReply, nil, []),
        (.nextReply, nil, []),
        (.requesterWait, nil, [.pending]),
        (.resolution, nil, [.pending, .onHold]),
        (.firstReply, [.pending], [.pending]),
        (.nextReply, [.onHold], [.onHold]),
        (.requesterWait, [], [.pending]),
        (.requesterWait, [.onHold], [.pending, .onHold]),
        (.resolution, [], []),
        (.resolution, [.pending], [.pending]),
    ]

    @Test(arguments: pauses)
    func pausingStatusesFallBackToTheMetricsDefaults(
        _ metric: SLAMetric, _ configured: [TicketStatus]?, _ expected: Set<TicketStatus>
    ) {
        let policy = Self.with { $0.pauseOn = configured.map { [metric: $0] } ?? [:] }
        #expect(policy.pausingStatuses(for: metric) == expected)
    }
}
