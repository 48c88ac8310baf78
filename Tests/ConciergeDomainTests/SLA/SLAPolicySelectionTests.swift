import ConciergeDomain
import Testing

@Suite("SLAPolicy selection")
struct SLAPolicySelectionTests {
    static let group = GroupID("00000000-0000-0000-0000-0000000000b1")!
    static let otherGroup = GroupID("00000000-0000-0000-0000-0000000000b2")!

    static func policy(_ key: String, position: Int, _ conditions: SLAConditions) -> SLAPolicy {
        SLAPolicy(
            key: key, title: LocalizedText(zhCN: key, en: key), position: position, conditions: conditions,
            targets: SLATargets([.resolution: [.normal: SLATarget(minutes: 60)]]))
    }

    /// Deliberately out of order: selection goes by position, then key.
    static let policies = [
        policy("catch-all", position: 99, SLAConditions()),
        policy("vip-urgent", position: 1, SLAConditions(priorities: [.urgent, .high], customerTiers: ["vip"])),
        policy("gold-org", position: 2, SLAConditions(organizationTiers: ["gold"])),
        policy("wecom-incidents", position: 3, SLAConditions(channels: [.wecom, .dingtalk], ticketTypes: [.incident])),
        policy("second-line", position: 4, SLAConditions(groupIDs: [group])),
        policy(
            "east-region", position: 5, SLAConditions(customFields: ["region": .string("east"), "vip": .bool(true)])),
        policy("no-contract", position: 6, SLAConditions(customFields: ["contract": .null])),
        policy("b-tie", position: 7, SLAConditions(ticketTypes: [.task])),
        policy("a-tie", position: 7, SLAConditions(ticketTypes: [.task])),
    ]

    /// (subject, key of the chosen policy).
    static let cases: [(SLASubject, String)] = [
        (SLASubject(priority: .urgent, customerTier: "vip"), "vip-urgent"),
        (SLASubject(priority: .high, customerTier: "vip", organizationTier: "gold"), "vip-urgent"),
        (SLASubject(priority: .normal, customerTier: "vip", organizationTier: "gold"), "gold-org"),
        (SLASubject(priority: .urgent, customerTier: "standard", organizationTier: "gold"), "gold-org"),
        (SLASubject(priority: .urgent, customerTier: nil), "no-contract"),
        (SLASubject(priority: .low, type: .incident, channel: .wecom), "wecom-incidents"),
        (
            SLASubject(priority: .low, type: .question, channel: .wecom, customFields: ["contract": .string("c-1")]),
            "catch-all"
        ),
        (SLASubject(priority: .low, type: .incident, channel: .email, groupID: group), "second-line"),
        (SLASubject(priority: .low, groupID: otherGroup, customFields: ["contract": .string("c-1")]), "catch-all"),
        (
            SLASubject(
                priority: .low,
                customFields: ["region": .string("east"), "vip": .bool(true), "contract": .string("c-1")]),
            "east-region"
        ),
        (
            SLASubject(priority: .low, customFields: ["region": .string("east"), "contract": .string("c-1")]),
            "catch-all"
        ),
        (SLASubject(priority: .low, customFields: ["contract": .null]), "no-contract"),
        (SLASubject(priority: .low, type: .task, customFields: ["contract": .string("c-1")]), "a-tie"),
    ]

    @Test(arguments: cases)
    func theFirstMatchingPolicyInPositionOrderApplies(_ subject: SLASubject, _ key: String) {
        #expect(SLAPolicy.first(matching: subject, in: Self.policies)?.key == key)
        #expect(SLAPolicy.first(matching: subject, in: Self.policies.reversed())?.key == key)
    }

    @Test func noMatchingPolicyMeansNoSLA() {
        let policies = Self.policies.filter { $0.key == "vip-urgent" }
        #expect(SLAPolicy.first(matching: SLASubject(priority: .low), in: policies) == nil)
        #expect(SLAPolicy.first(matching: SLASubject(priority: .low), in: []) == nil)
    }

    @Test func aSubjectIsTakenFromATicket() {
        // given
        var ticket = TicketDomainFixtures.ticket(priority: .urgent, type: .incident, groupID: Self.group)
        ticket.customFields = ["region": .string("east")]
        // when
        let subject = SLASubject(ticket: ticket, customerTier: "vip", organizationTier: nil)
        // then
        #expect(
            subject
                == SLASubject(
                    priority: .urgent, type: .incident, channel: .email, groupID: Self.group, customerTier: "vip",
                    customFields: ["region": .string("east")]))
    }
}
