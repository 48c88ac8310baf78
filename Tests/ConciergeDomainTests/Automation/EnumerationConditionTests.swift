import ConciergeDomain
import Testing

@Suite("Rule conditions on enumerated fields")
struct EnumerationConditionTests {
    typealias F = RuleFixtures

    static let cases: [ConditionCase] = [
        .init("status is open", RuleCondition(.status, .is, .string("open")), F.subject(), true),
        .init("status is pending", RuleCondition(.status, .is, .string("pending")), F.subject(), false),
        .init("status is_not pending", RuleCondition(.status, .isNot, .string("pending")), F.subject(), true),
        .init("status is_not open", RuleCondition(.status, .isNot, .string("open")), F.subject(), false),
        .init(
            "status is on_hold", RuleCondition(.status, .is, .string("on_hold")), F.subject(F.ticket(status: .onHold)),
            true),
        .init(
            "priority is urgent", RuleCondition(.priority, .is, .string("urgent")),
            F.subject(F.ticket(priority: .urgent)), true),
        .init(
            "priority is_not urgent", RuleCondition(.priority, .isNot, .string("urgent")),
            F.subject(F.ticket(priority: .urgent)), false),
        .init(
            "high greater_than normal", RuleCondition(.priority, .greaterThan, .string("normal")),
            F.subject(F.ticket(priority: .high)), true),
        .init(
            "urgent greater_than normal", RuleCondition(.priority, .greaterThan, .string("normal")),
            F.subject(F.ticket(priority: .urgent)), true),
        .init(
            "normal greater_than normal", RuleCondition(.priority, .greaterThan, .string("normal")),
            F.subject(F.ticket(priority: .normal)), false),
        .init(
            "low greater_than normal", RuleCondition(.priority, .greaterThan, .string("normal")),
            F.subject(F.ticket(priority: .low)), false),
        .init(
            "normal less_than high", RuleCondition(.priority, .lessThan, .string("high")),
            F.subject(F.ticket(priority: .normal)), true),
        .init(
            "high less_than high", RuleCondition(.priority, .lessThan, .string("high")),
            F.subject(F.ticket(priority: .high)), false),
        .init(
            "urgent less_than high", RuleCondition(.priority, .lessThan, .string("high")),
            F.subject(F.ticket(priority: .urgent)), false),
        .init(
            "type is incident", RuleCondition(.type, .is, .string("incident")),
            F.subject(F.ticket(type: .incident)), true),
        .init("type is_not incident", RuleCondition(.type, .isNot, .string("incident")), F.subject(), true),
        .init(
            "channel is wecom", RuleCondition(.channel, .is, .string("wecom")),
            F.subject(F.ticket(channel: .wecom)), true),
        .init("channel is wecom on email", RuleCondition(.channel, .is, .string("wecom")), F.subject(), false),
        .init(
            "channel is_not dingtalk", RuleCondition(.channel, .isNot, .string("dingtalk")), F.subject(), true),
        .init(
            "event is comment_added", RuleCondition(.event, .is, .string("comment_added")),
            F.subject(event: .commentAdded), true),
        .init(
            "event is comment_added on update", RuleCondition(.event, .is, .string("comment_added")),
            F.subject(event: .ticketUpdated), false),
        .init(
            "event is without event", RuleCondition(.event, .is, .string("sla_breach")), F.subject(event: nil), false),
        .init(
            "event is_not without event", RuleCondition(.event, .isNot, .string("sla_breach")),
            F.subject(event: nil), true),
        .init(
            "comment.author is customer", RuleCondition(.commentAuthor, .is, .string("customer")),
            F.subject(comment: CommentFacts(body: "你好", isPublic: true, author: .customer)), true),
        .init(
            "comment.author is agent on customer comment", RuleCondition(.commentAuthor, .is, .string("agent")),
            F.subject(comment: CommentFacts(body: "你好", isPublic: true, author: .customer)), false),
        .init(
            "comment.author is without comment", RuleCondition(.commentAuthor, .is, .string("agent")), F.subject(),
            false),
        .init(
            "comment.author is_not without comment", RuleCondition(.commentAuthor, .isNot, .string("agent")),
            F.subject(), true),
    ]

    @Test(arguments: cases)
    func enumeratedConditionHoldsAsTabled(_ row: ConditionCase) throws {
        #expect(try F.holds(row.condition, row.subject) == row.expected)
    }

    @Test(arguments: TicketStatus.allCases)
    func statusIsHoldsOnlyForItsOwnStatus(_ status: TicketStatus) throws {
        // given
        let subject = F.subject(F.ticket(status: status))
        // then
        for other in TicketStatus.allCases {
            #expect(try F.holds(RuleCondition(.status, .is, .string(other.rawValue)), subject) == (other == status))
            #expect(try F.holds(RuleCondition(.status, .isNot, .string(other.rawValue)), subject) == (other != status))
        }
    }

    @Test(arguments: TicketPriority.allCases)
    func priorityComparesInTheOrderLowNormalHighUrgent(_ priority: TicketPriority) throws {
        let subject = F.subject(F.ticket(priority: priority))
        for bound in TicketPriority.allCases {
            #expect(
                try F.holds(RuleCondition(.priority, .greaterThan, .string(bound.rawValue)), subject)
                    == (priority > bound))
            #expect(
                try F.holds(RuleCondition(.priority, .lessThan, .string(bound.rawValue)), subject) == (priority < bound)
            )
        }
    }

    @Test(arguments: RuleEvent.allCases)
    func eventIsMatchesTheEventThatCausedTheEvaluation(_ event: RuleEvent) throws {
        let subject = F.subject(event: event)
        for other in RuleEvent.allCases {
            #expect(try F.holds(RuleCondition(.event, .is, .string(other.rawValue)), subject) == (other == event))
        }
    }
}
