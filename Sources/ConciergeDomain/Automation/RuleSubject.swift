import Foundation

/// Everything a trigger or automation condition may read about one ticket at one moment.
///
/// The caller (the Core layer) gathers it: the ticket after the change that caused the event,
/// the ticket before it, and facts from other modules that the rule engine must not look up
/// itself (customer and organization records, the SLA calendar). Building a subject does no
/// I/O, and evaluating rules against it is deterministic.
public struct RuleSubject: Sendable, Equatable {
    /// The ticket as it is now, after the change that caused the event.
    public var ticket: Ticket
    /// The ticket before that change, for `changed`, `changed_to`, `changed_from` and
    /// `not_changed`; `nil` for a new ticket or a time-based scan (then only changes made by
    /// rules in the same run count as changes).
    public var previous: Ticket?
    /// What happened; `nil` when the scheduler evaluates time-based automations.
    public var event: RuleEvent?
    /// The requester's facts.
    public var requester: RequesterFacts
    /// The organization's facts, if the ticket has one.
    public var organization: OrganizationFacts?
    /// The comment that caused the event (or the latest one), if any.
    public var comment: CommentFacts?
    /// For `sla_warning` and `sla_breach`: which SLA target is about to be or was missed.
    public var slaMetric: SLAMetric?
    /// The moment of evaluation; the hours conditions measure up to it.
    public var now: Date
    /// When the status last changed; `nil` means never since creation.
    public var statusChangedAt: Date?
    /// When the assignee last changed; `nil` means never since creation.
    public var assigneeUpdatedAt: Date?
    /// Whether `now` is inside the ticket's business hours, computed by the caller from the
    /// SLA calendar; `nil` when not known (conditions on it then never hold).
    public var withinBusinessHours: Bool?
    /// Working hours since creation on the tenant's calendar, precomputed by the caller when a
    /// rule reads `business_hours_since_created` (the calendar lives outside this module).
    public var businessHoursSinceCreated: Double?

    /// Creates a subject; only the ticket, the requester and the moment are required.
    public init(
        ticket: Ticket, previous: Ticket? = nil, event: RuleEvent?, requester: RequesterFacts,
        organization: OrganizationFacts? = nil, comment: CommentFacts? = nil, slaMetric: SLAMetric? = nil, now: Date,
        statusChangedAt: Date? = nil, assigneeUpdatedAt: Date? = nil, withinBusinessHours: Bool? = nil
    ) {
        self.ticket = ticket
        self.previous = previous
        self.event = event
        self.requester = requester
        self.organization = organization
        self.comment = comment
        self.slaMetric = slaMetric
        self.now = now
        self.statusChangedAt = statusChangedAt
        self.assigneeUpdatedAt = assigneeUpdatedAt
        self.withinBusinessHours = withinBusinessHours
    }

    /// Hours from the ticket's creation to ``now``.
    public var hoursSinceCreated: Double { Self.hours(from: ticket.createdAt, to: now) }

    /// Hours from the ticket's last update to ``now``.
    public var hoursSinceUpdated: Double { Self.hours(from: ticket.updatedAt, to: now) }

    /// Hours from the last status change (or creation) to ``now``.
    public var hoursSinceStatusChange: Double { Self.hours(from: statusChangedAt ?? ticket.createdAt, to: now) }

    /// Hours from the last assignee change (or creation) to ``now``.
    public var hoursSinceAssigneeUpdate: Double {
        Self.hours(from: assigneeUpdatedAt ?? ticket.createdAt, to: now)
    }

    static func hours(from start: Date, to end: Date) -> Double {
        end.timeIntervalSince(start) / 3600
    }
}
