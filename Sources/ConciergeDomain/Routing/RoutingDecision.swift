/// Which agent a new (or re-routed) ticket goes to, and why; deterministic for the same input.
public struct RoutingDecision: Sendable, Equatable {
    /// Why an agent was chosen, or why none was.
    public enum Reason: String, Sendable, Equatable, CaseIterable {
        /// Chosen in turn by round robin.
        case roundRobin = "round_robin"
        /// Chosen as the least loaded eligible agent.
        case leastLoaded = "least_loaded"
        /// Has every required skill and serves the ticket's region; least loaded among those.
        case skillsAndRegion = "skills_and_region"
        /// Has every required skill (nobody qualified serves the region); least loaded.
        case skills
        /// The group routes manually: the ticket waits in the group queue.
        case manual
        /// The group has no agents.
        case noCandidates = "no_candidates"
        /// No agent is online.
        case nobodyOnline = "nobody_online"
        /// Every online agent is at capacity.
        case allAtCapacity = "all_at_capacity"
        /// No eligible agent has every required skill.
        case noAgentWithSkills = "no_agent_with_skills"
    }

    /// The chosen agent; `nil` leaves the ticket in the group queue.
    public var agentID: UserID?
    /// Why.
    public var reason: Reason
    /// The round-robin cursor to store for the group: the chosen agent after a round-robin
    /// assignment, otherwise the cursor passed in.
    public var cursor: UserID?

    /// Creates a decision.
    public init(agentID: UserID?, reason: Reason, cursor: UserID?) {
        self.agentID = agentID
        self.reason = reason
        self.cursor = cursor
    }

    /// Chooses an agent for one ticket.
    ///
    /// Only online agents under capacity are eligible. Round robin takes the first eligible
    /// agent (by id) after `lastAssignedCursor`, wrapping around, so the rotation survives
    /// agents joining, leaving and going offline. Least loaded takes the lowest share of
    /// capacity in use, then the longest wait since the last assignment, then the lowest id.
    /// Skills keeps the agents who have every skill in `ticketSkills`, prefers those serving
    /// `ticketRegion`, then takes the least loaded.
    ///
    /// - Parameters:
    ///   - method: The group's routing method.
    ///   - candidates: The group's agents.
    ///   - ticketSkills: Skill keys the ticket needs (only the skills method reads them).
    ///   - ticketRegion: The ticket's region key, if known (only the skills method reads it).
    ///   - lastAssignedCursor: The group's stored round-robin cursor (`nil` starts at the
    ///     lowest id).
    public static func choose(
        method: RoutingMethod, candidates: [RoutingCandidate], ticketSkills: Set<String> = [],
        ticketRegion: String? = nil, lastAssignedCursor: UserID? = nil
    ) -> RoutingDecision {
        func none(_ reason: Reason) -> RoutingDecision {
            RoutingDecision(agentID: nil, reason: reason, cursor: lastAssignedCursor)
        }
        if method == .manual { return none(.manual) }
        guard !candidates.isEmpty else { return none(.noCandidates) }
        guard candidates.contains(where: { $0.availability == .online }) else { return none(.nobodyOnline) }
        let eligible = candidates.filter(\.isEligible)
        guard !eligible.isEmpty else { return none(.allAtCapacity) }
        switch method {
        case .manual:
            return none(.manual)
        case .roundRobin:
            let ordered = eligible.sorted { $0.agentID < $1.agentID }
            let next = lastAssignedCursor.flatMap { cursor in ordered.first { $0.agentID > cursor } } ?? ordered[0]
            return RoutingDecision(agentID: next.agentID, reason: .roundRobin, cursor: next.agentID)
        case .leastLoaded:
            return RoutingDecision(agentID: leastLoaded(eligible), reason: .leastLoaded, cursor: lastAssignedCursor)
        case .skills:
            let skilled = eligible.filter { ticketSkills.isSubset(of: $0.skills) }
            guard !skilled.isEmpty else { return none(.noAgentWithSkills) }
            if let ticketRegion {
                let local = skilled.filter { $0.regions.contains(ticketRegion) }
                if !local.isEmpty {
                    return RoutingDecision(
                        agentID: leastLoaded(local), reason: .skillsAndRegion, cursor: lastAssignedCursor)
                }
            }
            return RoutingDecision(agentID: leastLoaded(skilled), reason: .skills, cursor: lastAssignedCursor)
        }
    }

    private static func leastLoaded(_ candidates: [RoutingCandidate]) -> UserID? {
        candidates.min { $0.isLessLoaded(than: $1) }?.agentID
    }
}
