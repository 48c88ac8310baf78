import ConciergeDomain
import Foundation
import Logging

/// Assigns unassigned tickets to an agent of their group by the group's routing method, and
/// moves an agent's tickets by the group's policy when the agent goes offline.
///
/// As a worker subscriber it reacts to `ticket.created` and `ticket.updated`: a new or open
/// ticket with a group and no assignee is routed (once per event, through the idempotency
/// ledger). The assignment is an ordinary ticket change by `system:routing`, in the history.
public struct TicketRouter: EventSubscriber {
    public let name = "routing"
    static let actor = Actor.system("routing")
    /// The custom field whose value is a ticket's region (matched against agents' regions).
    static let regionField = "region"

    let store: any TenantStore
    let desk: TicketDesk
    let now: @Sendable () -> Date

    public init(store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.desk = TicketDesk(store: store, now: now)
        self.now = now
    }

    public func wants(_ eventType: String) -> Bool { eventType == "ticket.created" || eventType == "ticket.updated" }

    public func receive(_ dispatch: EventDispatch) async throws -> EventAftermath? {
        // A rule that takes a ticket away from its agent means it: routing it again would let
        // that rule and the router hand the ticket back and forth forever.
        guard let ticket = dispatch.ticketID, !(dispatch.recorded.map { Self.rulesUnassigned($0.event) } ?? false)
        else { return nil }
        _ = try await route(ticket, tx: dispatch.tx, at: dispatch.at)
        return nil
    }

    /// Routes `ticket` if it is unassigned, new or open, and its group routes automatically.
    /// - Returns: the agent it was given to, if any.
    @discardableResult
    public func route(_ ticketID: TicketID, tenant: TenantID) async throws -> UserID? {
        let at = now()
        return try await store.transaction(tenant) { tx in try await route(ticketID, tx: tx, at: at) }
    }

    /// ``route(_:tenant:)`` inside the caller's transaction.
    func route(_ ticketID: TicketID, tx: any TenantTransaction, at: Date) async throws -> UserID? {
        guard let ticket = try await tx.tickets.lock(id: ticketID), ticket.assigneeID == nil,
            ticket.status == .new || ticket.status == .open, let group = ticket.groupID
        else { return nil }
        let settings = try await tx.routing.settings(of: group)
        guard settings.method != .manual else { return nil }
        let candidates = try await Self.candidates(in: group, tx: tx)
        let decision = RoutingDecision.choose(
            method: settings.method, candidates: candidates,
            ticketSkills: Set(ticket.tags).intersection(
                candidates.reduce(into: Set<String>()) { $0.formUnion($1.skills) }),
            ticketRegion: ticket.customFields[Self.regionField]?.stringValue, lastAssignedCursor: settings.cursor)
        guard let agent = decision.agentID else { return nil }
        _ = try await desk.apply(TicketChange(assigneeID: .some(agent)), to: ticket, actor: Self.actor, tx: tx, at: at)
        try await tx.routing.recordAssignment(group: group, cursor: decision.cursor, agent: agent, at: at)
        return agent
    }

    /// Whether `event` is a rule removing the ticket's assignee.
    static func rulesUnassigned(_ event: DomainEvent) -> Bool {
        guard event.actor == RuleOutcomeRecorder.actor, case .object(let changes)? = event.data["changes"],
            case .array(let pair)? = changes["assignee_id"], pair.count == 2
        else { return false }
        return pair[1] == .null
    }

    /// The group's members as routing candidates: presence, capacity, load, skills, regions.
    static func candidates(in group: GroupID, tx: any TenantTransaction) async throws -> [RoutingCandidate] {
        guard let found = try await tx.groups.find(id: group) else { return [] }
        let presence = try await tx.routing.presence(of: found.memberIDs)
        let load = try await tx.routing.openTicketCounts(of: found.memberIDs)
        var candidates: [RoutingCandidate] = []
        for member in found.memberIDs {
            guard let user = try await tx.users.find(id: member), user.status == .active,
                let state = presence[member]
            else { continue }
            candidates.append(
                RoutingCandidate(
                    agentID: member, availability: state.availability, capacity: state.capacity,
                    openTicketCount: load[member] ?? 0, skills: Set(user.skills), regions: Set(user.regions),
                    lastAssignedAt: state.lastAssignedAt))
        }
        return candidates
    }
}
