import ConciergeDomain
import Foundation
import Logging

/// Keeps every ticket's SLA clocks current and fires warnings and breaches.
///
/// The worker calls ``refresh(_:tenant:)`` for each ticket event (it recomputes the ticket's
/// clocks from its whole history, so events may arrive late, twice or out of order); the
/// scheduler's leader calls ``fireDue(tenant:)`` every second for the tenants with something
/// due. Firing recomputes the ticket first, then marks the row and records the
/// `ticket.sla_warning` / `ticket.sla_breached` event in the same transaction: a warning or
/// breach fires exactly once, whichever scheduler gets there, and never for a clock that a
/// change has paused, fulfilled or moved in the meantime.
public struct SLATracker: Sendable {
    /// The event types that can move a ticket's clocks.
    public static let clockEvents: Set<String> = [
        "ticket.created", "ticket.updated", "ticket.comment_added", "ticket.merged", "ticket.merge_received",
        // so that the stored status turns to breached once the breach has fired
        "ticket.sla_breached",
    ]
    /// How many due rows one tenant's firing pass handles.
    public static let batch = 500

    let store: any TenantStore
    let now: @Sendable () -> Date

    public init(store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.now = now
    }

    /// Recomputes and stores the SLA state of `ticket`.
    public func refresh(_ ticket: TicketID, tenant: TenantID) async throws {
        let at = now()
        try await store.transaction(tenant) { tx in
            guard let locked = try await tx.tickets.lock(id: ticket) else { return }
            _ = try await Self.recompute(locked, tx: tx, at: at)
        }
    }

    /// Fires the tenant's due warnings and breaches, a batch per transaction until none is
    /// left. - Returns: how many fired.
    public func fireDue(tenant: TenantID) async throws -> Int {
        var total = 0
        while true {
            let pass = try await firePass(tenant: tenant)
            total += pass.fired
            if pass.candidates < Self.batch { return total }
        }
    }

    private func firePass(tenant: TenantID) async throws -> (fired: Int, candidates: Int) {
        let at = now()
        return try await store.transaction(tenant) { tx in
            let due = try await tx.serviceLevels.due(at: at, limit: Self.batch)
            // A breach marks its metric's warning too: a warning due with its breach never fires.
            let breaching = Set(due.filter { $0.kind == .breach }.map { "\($0.ticketID)|\($0.metric)" })
            var confirmed = due.filter {
                !$0.isStale && ($0.kind == .breach || !breaching.contains("\($0.ticketID)|\($0.metric)"))
            }
            // Clocks computed before the ticket's last change may be out of date (a reply or a
            // pause the worker has not applied yet): recompute those tickets and fire only what
            // is still due.
            for ticketID in Set(due.filter(\.isStale).map(\.ticketID)) {
                guard let ticket = try await tx.tickets.lock(id: ticketID) else { continue }
                let states = try await Self.recompute(ticket, tx: tx, at: at)
                for item in due where item.ticketID == ticketID {
                    guard let state = states[item.metric], state.status != .paused, state.fulfilledAt == nil,
                        (item.kind == .breach ? state.targetAt : state.warningAt) <= at,
                        item.kind == .breach || !breaching.contains("\(item.ticketID)|\(item.metric)")
                    else { continue }
                    var current = item
                    current.targetAt = state.targetAt
                    current.ticketVersion = ticket.version
                    confirmed.append(current)
                }
            }
            let fired = try await tx.serviceLevels.markFired(confirmed, at: at)
            try await tx.events.append(fired.map { Self.event(for: $0, tenant: tenant, at: at) })
            return (fired.count, due.count)
        }
    }

    /// The `ticket.sla_breached` / `ticket.sla_warning` event of a fired item, with the outbox
    /// row that dispatches it (triggers listen to it).
    static func event(for item: DueSLA, tenant: TenantID, at: Date) -> (event: DomainEvent, outbox: [OutboxMessage]) {
        let type = item.kind == .breach ? "ticket.sla_breached" : "ticket.sla_warning"
        let event = DomainEvent(
            tenantID: tenant, type: type, subjectType: "ticket", subjectID: item.ticketID.description,
            actor: .system("sla"),
            data: ["metric": .string(item.metric.rawValue), "target_at": .string(item.targetAt.formatted(.iso8601))],
            occurredAt: at)
        return (event, [TicketDesk.dispatch(event, ticketID: item.ticketID, version: item.ticketVersion)])
    }

    /// The clocks of `ticket` now, stored; empty when no policy applies.
    static func recompute(_ ticket: Ticket, tx: any TenantTransaction, at: Date) async throws
        -> [SLAMetric: SLAMetricState]
    {
        let policies = try await tx.serviceLevels.policies()
        guard !policies.isEmpty, let policy = try await policy(for: ticket, among: policies, tx: tx) else {
            try await tx.serviceLevels.replaceTargets(of: ticket.id, policyKey: nil, states: [], at: at)
            return [:]
        }
        let calendars = try await tx.serviceLevels.calendars()
        let calendar = calendars[policy.calendarKey ?? "default"] ?? .alwaysOpen
        let events = try await tx.events.history(subjectType: "ticket", subjectID: ticket.id.description)
        let timeline = SLATimelineReader.timeline(of: ticket, events: events)
        let states: [SLAMetric: SLAMetricState]
        do throws(BusinessCalendarError) {
            states = try SLAClock.evaluate(policy: policy, calendar: calendar, timeline: timeline, now: at)
        } catch {
            // A calendar without working time cannot give a deadline: no targets rather than
            // a worker job that fails forever.
            states = [:]
        }
        try await tx.serviceLevels.replaceTargets(
            of: ticket.id, policyKey: policy.key, states: Array(states.values), at: at)
        return states
    }

    static func policy(for ticket: Ticket, among policies: [SLAPolicy], tx: any TenantTransaction) async throws
        -> SLAPolicy?
    {
        let customerTier = try await tx.customers.find(id: ticket.requesterID)?.tier
        var organizationTier: String?
        if let organization = ticket.organizationID {
            organizationTier = try await tx.organizations.find(id: organization)?.tier
        }
        let subject = SLASubject(ticket: ticket, customerTier: customerTier, organizationTier: organizationTier)
        return SLAPolicy.first(matching: subject, in: policies)
    }
}
