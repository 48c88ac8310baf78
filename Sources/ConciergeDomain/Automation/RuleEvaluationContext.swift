import Foundation

/// A ``RuleSubject`` prepared for many condition evaluations: the text fields the rules read
/// are folded once here instead of once per condition.
///
/// The engines keep one context for a whole run and update ``ticket`` (and the change
/// timestamps) as actions apply. Subject, description and the facts cannot be changed by an
/// action, so their folded text stays valid for the run.
struct RuleEvaluationContext: Sendable {
    /// The ticket as the rules see it now (including earlier rules' actions).
    var ticket: Ticket
    /// The state `changed` compares with: the previous ticket, or the ticket as the run found it.
    let baseline: Ticket
    let subject: RuleSubject
    var statusChangedAt: Date?
    var assigneeUpdatedAt: Date?
    private let folded: RuleFoldedText

    /// Prepares `subject`, folding the text of `textFields`.
    init(_ subject: RuleSubject, textFields: RuleFoldedText.Fields) {
        self.subject = subject
        ticket = subject.ticket
        baseline = subject.previous ?? subject.ticket
        statusChangedAt = subject.statusChangedAt
        assigneeUpdatedAt = subject.assigneeUpdatedAt
        folded = RuleFoldedText(subject, fields: textFields)
    }

    /// The field's current value.
    func value(of field: RuleField) -> RuleValue {
        switch field {
        case .status, .priority, .type, .groupID, .assigneeID, .organizationID, .tags, .customField:
            return Self.ticketValue(field, of: ticket)
        case .channel: return .channel(ticket.channel)
        case .subject, .description, .formKey, .requesterTier, .requesterLocale, .requesterEmail,
            .organizationTier, .organizationName, .commentBody:
            return folded.text(field, in: subject).map(RuleValue.text) ?? .absent
        case .requesterTags: return .tags(subject.requester.tags)
        case .organizationTags: return subject.organization.map { .tags($0.tags) } ?? .absent
        case .commentIsPublic: return subject.comment.map { .flag($0.isPublic) } ?? .absent
        case .commentAuthor: return subject.comment.map { .author($0.author) } ?? .absent
        case .event: return subject.event.map(RuleValue.event) ?? .absent
        case .slaMetric: return subject.slaMetric.map(RuleValue.slaMetric) ?? .absent
        case .hoursSinceCreated: return .hours(RuleSubject.hours(from: ticket.createdAt, to: subject.now))
        case .hoursSinceUpdated: return .hours(RuleSubject.hours(from: ticket.updatedAt, to: subject.now))
        case .hoursSinceStatusChange:
            return .hours(RuleSubject.hours(from: statusChangedAt ?? ticket.createdAt, to: subject.now))
        case .hoursSinceAssigneeUpdate:
            return .hours(RuleSubject.hours(from: assigneeUpdatedAt ?? ticket.createdAt, to: subject.now))
        case .businessHoursSinceCreated: return subject.businessHoursSinceCreated.map(RuleValue.hours) ?? .absent
        case .withinBusinessHours: return subject.withinBusinessHours.map(RuleValue.flag) ?? .absent
        }
    }

    /// The value of a ticket field in `ticket`, unfolded: what `changed` compares.
    static func ticketValue(_ field: RuleField, of ticket: Ticket) -> RuleValue {
        switch field {
        case .status: .status(ticket.status)
        case .priority: .priority(ticket.priority)
        case .type: .type(ticket.type)
        case .groupID: ticket.groupID.map { .id($0.rawValue) } ?? .absent
        case .assigneeID: ticket.assigneeID.map { .id($0.rawValue) } ?? .absent
        case .organizationID: ticket.organizationID.map { .id($0.rawValue) } ?? .absent
        case .tags: .tags(ticket.tags)
        case .subject: .text(ticket.subject)
        case .customField(let key): ticket.customFields[key].map(RuleValue.json) ?? .absent
        default: .absent
        }
    }
}
