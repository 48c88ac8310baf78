import Foundation

/// An agent as routing sees them: availability, load and what they can handle.
public struct RoutingCandidate: Sendable, Equatable {
    /// The agent.
    public var agentID: UserID
    /// Whether they take tickets now; only online agents are chosen.
    public var availability: AgentAvailability
    /// How many open tickets they may hold at once; 0 takes none.
    public var capacity: Int
    /// How many open tickets they hold now.
    public var openTicketCount: Int
    /// Their skill keys (`printer`, `english`), as in ``Validate/keys(_:field:)``.
    public var skills: Set<String>
    /// The region keys they serve (`east-china`).
    public var regions: Set<String>
    /// When they were last given a ticket; `nil` for never. Breaks ties (longest wait first).
    public var lastAssignedAt: Date?

    /// Creates a candidate.
    public init(
        agentID: UserID, availability: AgentAvailability, capacity: Int, openTicketCount: Int,
        skills: Set<String> = [], regions: Set<String> = [], lastAssignedAt: Date? = nil
    ) {
        self.agentID = agentID
        self.availability = availability
        self.capacity = capacity
        self.openTicketCount = openTicketCount
        self.skills = skills
        self.regions = regions
        self.lastAssignedAt = lastAssignedAt
    }

    /// Whether the agent may take one more ticket now: online and under capacity.
    public var isEligible: Bool { availability == .online && openTicketCount < capacity }

    /// Whether `self` is less loaded than `other`: a lower share of capacity in use (compared
    /// exactly, without floating point), then the longer wait since the last assignment, then
    /// the agent id, so that the order is total and every call picks the same agent.
    func isLessLoaded(than other: RoutingCandidate) -> Bool {
        let lhs = openTicketCount * max(other.capacity, 1)
        let rhs = other.openTicketCount * max(capacity, 1)
        if lhs != rhs { return lhs < rhs }
        switch (lastAssignedAt, other.lastAssignedAt) {
        case (nil, .some): return true
        case (.some, nil): return false
        case (.some(let mine), .some(let theirs)) where mine != theirs: return mine < theirs
        default: return agentID < other.agentID
        }
    }
}
