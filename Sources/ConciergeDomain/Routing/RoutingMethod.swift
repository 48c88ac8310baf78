/// How a group hands its new tickets to agents (configured per group).
public enum RoutingMethod: String, Sendable, Codable, CaseIterable {
    /// Agents pick tickets from the group's queue themselves.
    case manual
    /// Each eligible agent in turn, by a cursor the caller stores per group.
    case roundRobin = "round_robin"
    /// The eligible agent with the lowest share of their capacity in use.
    case leastLoaded = "least_loaded"
    /// Agents who have every skill the ticket needs, preferring its region, then least loaded.
    case skills
}
