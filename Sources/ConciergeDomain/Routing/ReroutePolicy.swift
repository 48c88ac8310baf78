/// What happens to an agent's tickets when the agent goes offline (configured per group).
public enum ReroutePolicy: String, Sendable, Codable, CaseIterable {
    /// The tickets stay with the agent until they return.
    case keep
    /// The tickets go back to the group queue, unassigned.
    case unassign
    /// The tickets are routed to another agent by the group's routing method; a ticket no
    /// agent can take goes back to the group queue.
    case reroute
}
