import ConciergeDomain
import Foundation

/// Builders for rule engine tests: a ticket, a subject around it, and compiled rules.
enum RuleFixtures {
    static let createdAt = Date(timeIntervalSince1970: 1_700_000_000)
    static let now = createdAt.addingTimeInterval(10 * 3600)

    static let agent = UserID("00000000-0000-0000-0000-0000000000a1")!
    static let otherAgent = UserID("00000000-0000-0000-0000-0000000000a2")!
    static let group = GroupID("00000000-0000-0000-0000-0000000000b1")!
    static let otherGroup = GroupID("00000000-0000-0000-0000-0000000000b2")!
    static let organization = OrganizationID("00000000-0000-0000-0000-0000000000c1")!

    static func ticket(
        subject: String = "打印机无法开机", description: String = "开机后屏幕没有反应", status: TicketStatus = .open,
        priority: TicketPriority = .normal, type: TicketType = .question, channel: TicketChannel = .email,
        assigneeID: UserID? = nil, groupID: GroupID? = nil, organizationID: OrganizationID? = nil,
        tags: [String] = [], customFields: [String: JSONValue] = [:], formKey: String? = nil,
        updatedAt: Date = createdAt
    ) -> Ticket {
        Ticket(
            id: TicketID("00000000-0000-0000-0000-0000000000d1")!,
            tenantID: TenantID("00000000-0000-0000-0000-0000000000e1")!, number: 1001, subject: subject,
            description: description, status: status, priority: priority, type: type, channel: channel,
            requesterID: CustomerID("00000000-0000-0000-0000-0000000000f1")!, organizationID: organizationID,
            assigneeID: assigneeID, groupID: groupID, tags: tags, customFields: customFields, formKey: formKey,
            createdAt: createdAt, updatedAt: updatedAt,
            solvedAt: status == .solved || status == .closed ? createdAt : nil,
            closedAt: status == .closed ? createdAt : nil, version: 3)
    }

    static func subject(
        _ ticket: Ticket = ticket(), previous: Ticket? = nil, event: RuleEvent? = .ticketUpdated,
        requester: RequesterFacts = RequesterFacts(name: "王小明", email: "wang@example.cn"),
        organization: OrganizationFacts? = nil, comment: CommentFacts? = nil, slaMetric: SLAMetric? = nil,
        now: Date = now, statusChangedAt: Date? = nil, assigneeUpdatedAt: Date? = nil,
        withinBusinessHours: Bool? = nil
    ) -> RuleSubject {
        RuleSubject(
            ticket: ticket, previous: previous, event: event, requester: requester, organization: organization,
            comment: comment, slaMetric: slaMetric, now: now, statusChangedAt: statusChangedAt,
            assigneeUpdatedAt: assigneeUpdatedAt, withinBusinessHours: withinBusinessHours)
    }

    /// Whether one condition holds for `subject`.
    static func holds(_ condition: RuleCondition, _ subject: RuleSubject) throws -> Bool {
        try RuleConditions(all: [condition]).compiled().matches(subject)
    }

    static func trigger(
        _ key: String, position: Int = 0, events: [RuleEvent] = [.ticketUpdated], all: [RuleCondition] = [],
        any: [RuleCondition] = [], actions: [RuleAction]
    ) throws -> CompiledTrigger {
        try Trigger(
            key: key, title: LocalizedText(zhCN: key, en: key), position: position, events: events,
            conditions: RuleConditions(all: all, any: any), actions: actions
        ).compiled()
    }

    static func automation(
        _ key: String, position: Int = 0, all: [RuleCondition], any: [RuleCondition] = [], actions: [RuleAction]
    ) throws -> CompiledAutomation {
        try Automation(
            key: key, title: LocalizedText(zhCN: key, en: ""), position: position,
            conditions: RuleConditions(all: all, any: any), actions: actions
        ).compiled()
    }
}
