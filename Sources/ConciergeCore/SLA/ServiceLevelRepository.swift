import ConciergeDomain
import Foundation

/// Business calendars, SLA policies and the per-ticket SLA targets of the transaction's tenant.
public protocol ServiceLevelRepository: Sendable {
    /// Every calendar, by key.
    func calendars() async throws -> [String: BusinessCalendar]
    /// Inserts or replaces the calendar `key`. - Returns: `true` when it was new.
    func saveCalendar(_ calendar: BusinessCalendar, key: String, at date: Date) async throws -> Bool
    /// - Returns: `false` when there was no such calendar.
    func deleteCalendar(key: String) async throws -> Bool
    /// Every policy, in evaluation order (position, then key).
    func policies() async throws -> [SLAPolicy]
    /// Inserts or replaces `policy` (by key). - Returns: `true` when it was new.
    func savePolicy(_ policy: SLAPolicy, at date: Date) async throws -> Bool
    /// - Returns: `false` when there was no such policy.
    func deletePolicy(key: String) async throws -> Bool

    /// The stored SLA state of `ticket`, one entry per measured metric.
    func targets(of ticket: TicketID) async throws -> [StoredSLATarget]
    /// Replaces the stored state of `ticket` with `states` measured under `policyKey` (none:
    /// the ticket has no SLA), keeping the fired marks of each unchanged cycle, and records the
    /// ticket's next breach (`tickets.sla_breach_at`).
    func replaceTargets(of ticket: TicketID, policyKey: String?, states: [SLAMetricState], at date: Date)
        async throws
    /// Tickets with a warning or breach due at `now` whose mark is not yet set, oldest first.
    func due(at now: Date, limit: Int) async throws -> [DueSLA]
    /// Sets the marks of due warnings and breaches in one statement. - Returns: the ones this
    /// call marked; one already marked (another scheduler fired it) must not fire again.
    func markFired(_ items: [DueSLA], at now: Date) async throws -> [DueSLA]
}

/// One metric's SLA state as stored for a ticket.
public struct StoredSLATarget: Sendable, Equatable {
    public var policyKey: String
    public var state: SLAMetricState
    public var warningFiredAt: Date?
    public var breachFiredAt: Date?

    public init(policyKey: String, state: SLAMetricState, warningFiredAt: Date?, breachFiredAt: Date?) {
        self.policyKey = policyKey
        self.state = state
        self.warningFiredAt = warningFiredAt
        self.breachFiredAt = breachFiredAt
    }
}

/// An SLA warning or breach that has come due and not fired yet.
public struct DueSLA: Sendable, Equatable, Hashable {
    /// What comes due.
    public enum Kind: String, Sendable {
        case warning, breach
    }

    public var ticketID: TicketID
    public var metric: SLAMetric
    public var kind: Kind
    /// The moment it came due.
    public var dueAt: Date
    /// The metric's target (the breach moment).
    public var targetAt: Date
    /// The ticket's version, for the fired event.
    public var ticketVersion: Int
    /// The ticket changed after its clocks were last computed: recompute before firing.
    public var isStale: Bool

    public init(
        ticketID: TicketID, metric: SLAMetric, kind: Kind, dueAt: Date, targetAt: Date, ticketVersion: Int = 1,
        isStale: Bool = false
    ) {
        self.ticketID = ticketID
        self.metric = metric
        self.kind = kind
        self.dueAt = dueAt
        self.targetAt = targetAt
        self.ticketVersion = ticketVersion
        self.isStale = isStale
    }
}

/// The tenants with SLA warnings or breaches due (read across tenants by the scheduler).
public protocol SLADueTenants: Sendable {
    func tenants(withDueBy date: Date, limit: Int) async throws -> [TenantID]
}
