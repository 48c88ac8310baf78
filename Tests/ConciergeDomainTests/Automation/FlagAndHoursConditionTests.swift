import ConciergeDomain
import Foundation
import Testing

@Suite("Rule conditions on flags and hours")
struct FlagAndHoursConditionTests {
    typealias F = RuleFixtures

    static let publicReply = F.subject(comment: CommentFacts(body: "好的", isPublic: true, author: .agent))
    static let note = F.subject(comment: CommentFacts(body: "内部备注", isPublic: false, author: .agent))
    static let hour: TimeInterval = 3600

    static let cases: [ConditionCase] = [
        .init("comment.is_public is true", RuleCondition(.commentIsPublic, .is, .bool(true)), publicReply, true),
        .init("comment.is_public is true on a note", RuleCondition(.commentIsPublic, .is, .bool(true)), note, false),
        .init("comment.is_public is false on a note", RuleCondition(.commentIsPublic, .is, .bool(false)), note, true),
        .init(
            "comment.is_public is_not true on a note", RuleCondition(.commentIsPublic, .isNot, .bool(true)), note, true),
        .init(
            "comment.is_public without comment", RuleCondition(.commentIsPublic, .is, .bool(false)), F.subject(), false),
        .init(
            "comment.is_public is_not without comment", RuleCondition(.commentIsPublic, .isNot, .bool(true)),
            F.subject(), true),
        .init(
            "within_business_hours is true", RuleCondition(.withinBusinessHours, .is, .bool(true)),
            F.subject(withinBusinessHours: true), true),
        .init(
            "within_business_hours is false after hours", RuleCondition(.withinBusinessHours, .is, .bool(false)),
            F.subject(withinBusinessHours: false), true),
        .init(
            "within_business_hours unknown", RuleCondition(.withinBusinessHours, .is, .bool(true)), F.subject(),
            false),
        .init(
            "within_business_hours unknown, is false", RuleCondition(.withinBusinessHours, .is, .bool(false)),
            F.subject(), false),
        // The default subject is evaluated 10 hours after creation.
        .init("created > 2h", RuleCondition(.hoursSinceCreated, .greaterThan, .number(2)), F.subject(), true),
        .init(
            "created > 10h at exactly 10h", RuleCondition(.hoursSinceCreated, .greaterThan, .number(10)), F.subject(),
            false),
        .init("created < 12h", RuleCondition(.hoursSinceCreated, .lessThan, .number(12)), F.subject(), true),
        .init("created > 9.5h", RuleCondition(.hoursSinceCreated, .greaterThan, .number(9.5)), F.subject(), true),
        .init(
            "updated > 5h when updated 4h ago", RuleCondition(.hoursSinceUpdated, .greaterThan, .number(5)),
            F.subject(F.ticket(updatedAt: F.now.addingTimeInterval(-4 * hour))), false),
        .init(
            "updated < 5h when updated 4h ago", RuleCondition(.hoursSinceUpdated, .lessThan, .number(5)),
            F.subject(F.ticket(updatedAt: F.now.addingTimeInterval(-4 * hour))), true),
        .init(
            "status change > 48h", RuleCondition(.hoursSinceStatusChange, .greaterThan, .number(48)),
            F.subject(now: F.now.addingTimeInterval(60 * hour), statusChangedAt: F.now), true),
        .init(
            "status change < 48h", RuleCondition(.hoursSinceStatusChange, .lessThan, .number(48)),
            F.subject(now: F.now.addingTimeInterval(60 * hour), statusChangedAt: F.now), false),
        .init(
            "status never changed counts from creation",
            RuleCondition(.hoursSinceStatusChange, .greaterThan, .number(9)),
            F.subject(), true),
        .init(
            "assignee update > 1h", RuleCondition(.hoursSinceAssigneeUpdate, .greaterThan, .number(1)),
            F.subject(assigneeUpdatedAt: F.now.addingTimeInterval(-2 * hour)), true),
        .init(
            "assignee never updated counts from creation",
            RuleCondition(.hoursSinceAssigneeUpdate, .lessThan, .number(11)), F.subject(), true),
    ]

    @Test(arguments: cases)
    func flagOrHoursConditionHoldsAsTabled(_ row: ConditionCase) throws {
        #expect(try F.holds(row.condition, row.subject) == row.expected)
    }

    @Test(arguments: [(nil, false, false), (1.5, false, true), (2.5, true, false)] as [(Double?, Bool, Bool)])
    func businessHoursSinceCreationComeFromTheCaller(hours: Double?, moreThanTwo: Bool, lessThanTwo: Bool) throws {
        // given the working hours the caller computed on the tenant's calendar (nil: not computed)
        var subject = F.subject()
        subject.businessHoursSinceCreated = hours
        // then conditions compare them; an unknown value holds for neither comparison
        #expect(
            try F.holds(RuleCondition(.businessHoursSinceCreated, .greaterThan, .number(2)), subject) == moreThanTwo)
        #expect(try F.holds(RuleCondition(.businessHoursSinceCreated, .lessThan, .number(2)), subject) == lessThanTwo)
    }

    @Test func anAutomationMayCountBusinessHours() throws {
        let automation = try JSONDecoder().decode(
            Automation.self,
            from: Data(
                #"{"key":"a","title":{"zh_cn":"甲","en":"A"},"conditions":{"all":[{"field":"business_hours_since_created","operator":"greater_than","value":2}]},"actions":[{"action":"set_priority","value":"high"}]}"#
                    .utf8))
        #expect(try automation.compiled().conditions.fields.contains(.businessHoursSinceCreated))
    }

    @Test
    func subjectReportsHoursSinceEachMoment() {
        // given
        let subject = F.subject(
            F.ticket(updatedAt: F.now.addingTimeInterval(-2 * Self.hour)),
            statusChangedAt: F.createdAt.addingTimeInterval(Self.hour),
            assigneeUpdatedAt: nil)
        // then
        #expect(subject.hoursSinceCreated == 10)
        #expect(subject.hoursSinceUpdated == 2)
        #expect(subject.hoursSinceStatusChange == 9)
        #expect(subject.hoursSinceAssigneeUpdate == 10)
    }
}
