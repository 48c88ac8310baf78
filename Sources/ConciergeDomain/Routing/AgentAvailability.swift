/// Whether an agent takes new tickets right now.
public enum AgentAvailability: String, Sendable, Codable, CaseIterable {
    /// Working and taking new tickets.
    case online
    /// Working but not taking new tickets (a break, a meeting).
    case away
    /// Not working.
    case offline
}
