import ConciergeDomain
import Foundation

/// Agents' availability and capacity, and the groups' routing settings. When an agent goes
/// offline, each of their groups' reroute policy decides what happens to their new and open
/// tickets there: kept, unassigned, or routed to a colleague.
public struct AgentPresenceDesk: Sendable {
    let store: any TenantStore
    let desk: TicketDesk
    let now: @Sendable () -> Date

    public init(store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.desk = TicketDesk(store: store, now: now)
        self.now = now
    }

    /// What became of one ticket when its agent went offline.
    public struct Moved: Sendable, Equatable {
        public var ticketID: TicketID
        /// The new assignee; `nil` when the ticket was unassigned.
        public var assigneeID: UserID?
    }

    /// Sets `user`'s availability (and capacity, when given).
    /// - Returns: the tickets moved because the user went offline.
    /// - Throws: `notFound` for an unknown user, `invalidInput` for a capacity out of 0–10000.
    public func setPresence(
        of user: UserID, availability: AgentAvailability?, capacity: Int?, tenant: TenantID
    ) async throws -> [Moved] {
        if let capacity, !(0...10_000).contains(capacity) {
            throw AppError(.invalidInput, code: "out_of_range", message: "must be 0-10000", field: "capacity")
        }
        let at = now()
        return try await store.transaction(tenant) { tx in
            guard try await tx.users.find(id: user) != nil else { throw AppError.notFound("user") }
            let before = try await tx.routing.presence(of: [user])[user] ?? AgentPresence()
            var after = before
            if let availability { after.availability = availability }
            if let capacity { after.capacity = capacity }
            try await tx.routing.save(after, of: user, at: at)
            guard before.availability != .offline, after.availability == .offline else { return [] }
            return try await reroute(ticketsOf: user, tx: tx, at: at)
        }
    }

    /// The presence of every member of every group, with their load.
    public func presence(tenant: TenantID) async throws -> [(user: User, presence: AgentPresence, openTickets: Int)] {
        try await store.transaction(tenant) { tx in
            let users = try await tx.users.list(after: nil, limit: 1_000).filter { $0.status != .deactivated }
            let ids = users.map(\.id)
            let presence = try await tx.routing.presence(of: ids)
            let load = try await tx.routing.openTicketCounts(of: ids)
            return users.map { ($0, presence[$0.id] ?? AgentPresence(), load[$0.id] ?? 0) }
        }
    }

    public func routing(of group: GroupID, tenant: TenantID) async throws -> GroupRouting {
        try await store.transaction(tenant) { tx in
            guard try await tx.groups.find(id: group) != nil else { throw AppError.notFound("group") }
            return try await tx.routing.settings(of: group)
        }
    }

    public func setRouting(_ settings: GroupRouting, of group: GroupID, tenant: TenantID) async throws -> GroupRouting {
        let at = now()
        return try await store.transaction(tenant) { tx in
            guard try await tx.groups.find(id: group) != nil else { throw AppError.notFound("group") }
            try await tx.routing.save(settings, for: group, at: at)
            return try await tx.routing.settings(of: group)
        }
    }

    private func reroute(ticketsOf user: UserID, tx: any TenantTransaction, at: Date) async throws -> [Moved] {
        var moved: [Moved] = []
        for group in try await tx.routing.groups(of: user) {
            let settings = try await tx.routing.settings(of: group)
            guard settings.reroutePolicy != .keep else { continue }
            let tickets = try await tx.routing.openTickets(of: user, in: group)
            guard !tickets.isEmpty else { continue }
            let candidates = try await TicketRouter.candidates(in: group, tx: tx)
            let skills = candidates.reduce(into: Set<String>()) { $0.formUnion($1.skills) }
            let plan = ReroutePlan.make(
                policy: settings.reroutePolicy, offlineAgent: user,
                tickets: tickets.map {
                    RerouteTicket(
                        ticketID: $0.id, status: $0.status, requiredSkills: Set($0.tags).intersection(skills),
                        region: $0.customFields[TicketRouter.regionField]?.stringValue)
                },
                method: settings.method, candidates: candidates, cursor: settings.cursor, now: at)
            for entry in plan.entries {
                let assignee: UserID?
                switch entry.action {
                case .keep: continue
                case .unassign: assignee = nil
                case .reassign(let agent): assignee = agent
                }
                guard let ticket = try await tx.tickets.lock(id: entry.ticketID) else { continue }
                _ = try await desk.apply(
                    TicketChange(assigneeID: .some(assignee)), to: ticket, actor: TicketRouter.actor, tx: tx, at: at)
                if let assignee {
                    try await tx.routing.recordAssignment(group: group, cursor: plan.cursor, agent: assignee, at: at)
                }
                moved.append(Moved(ticketID: entry.ticketID, assigneeID: assignee))
            }
        }
        return moved
    }
}
