import Foundation

/// What to do with each ticket of an agent who went offline.
///
/// Only `new` and `open` tickets move: pending and on-hold tickets wait for someone else (the
/// customer, a third party) and a customer's reply reopens them through normal routing;
/// solved and closed tickets need nobody.
public struct ReroutePlan: Sendable, Equatable {
    /// What happens to one ticket.
    public enum Action: Sendable, Equatable {
        /// It stays with the offline agent.
        case keep
        /// It goes back to the group queue, unassigned.
        case unassign
        /// It goes to this agent.
        case reassign(UserID)
    }

    /// One ticket's fate.
    public struct Entry: Sendable, Equatable {
        /// The ticket.
        public var ticketID: TicketID
        /// What happens to it.
        public var action: Action
        /// The routing decision's reason when the policy is `reroute` and the ticket moves.
        public var reason: RoutingDecision.Reason?

        /// Creates an entry.
        public init(ticketID: TicketID, action: Action, reason: RoutingDecision.Reason? = nil) {
            self.ticketID = ticketID
            self.action = action
            self.reason = reason
        }
    }

    /// One entry per ticket, in the order given.
    public var entries: [Entry]
    /// The round-robin cursor to store for the group afterwards.
    public var cursor: UserID?

    /// Creates a plan.
    public init(entries: [Entry], cursor: UserID?) {
        self.entries = entries
        self.cursor = cursor
    }

    /// Plans the tickets of `offlineAgent`.
    ///
    /// Tickets are routed one after another; each assignment counts towards the receiving
    /// agent's load (and last assignment time) for the next ticket, so a batch spreads the way
    /// single assignments would.
    /// - Parameters:
    ///   - policy: The group's policy.
    ///   - offlineAgent: The agent who went offline; never chosen, even if listed as online.
    ///   - tickets: The agent's tickets.
    ///   - method: The group's routing method.
    ///   - candidates: The group's agents.
    ///   - cursor: The group's stored round-robin cursor.
    ///   - now: Recorded as the receiving agents' last assignment time.
    public static func make(
        policy: ReroutePolicy, offlineAgent: UserID, tickets: [RerouteTicket], method: RoutingMethod,
        candidates: [RoutingCandidate], cursor: UserID?, now: Date
    ) -> ReroutePlan {
        var pool = candidates.filter { $0.agentID != offlineAgent }
        var cursor = cursor
        var entries: [Entry] = []
        for ticket in tickets {
            guard policy != .keep, ticket.status == .new || ticket.status == .open else {
                entries.append(Entry(ticketID: ticket.ticketID, action: .keep))
                continue
            }
            guard policy == .reroute else {
                entries.append(Entry(ticketID: ticket.ticketID, action: .unassign))
                continue
            }
            let decision = RoutingDecision.choose(
                method: method, candidates: pool, ticketSkills: ticket.requiredSkills, ticketRegion: ticket.region,
                lastAssignedCursor: cursor)
            cursor = decision.cursor
            guard let agent = decision.agentID, let index = pool.firstIndex(where: { $0.agentID == agent }) else {
                entries.append(Entry(ticketID: ticket.ticketID, action: .unassign, reason: decision.reason))
                continue
            }
            pool[index].openTicketCount += 1
            // Later assignments of the batch count as more recent, so ties rotate through the
            // agents instead of falling back to the id order.
            pool[index].lastAssignedAt = now.addingTimeInterval(Double(entries.count) * 1e-3)
            entries.append(Entry(ticketID: ticket.ticketID, action: .reassign(agent), reason: decision.reason))
        }
        return ReroutePlan(entries: entries, cursor: cursor)
    }
}
