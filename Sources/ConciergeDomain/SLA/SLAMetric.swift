/// What an SLA target measures.
public enum SLAMetric: String, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    /// From creation to the first public agent reply.
    case firstReply = "first_reply"
    /// From a requester reply that follows an agent reply to the next public agent reply;
    /// every such exchange is a new cycle with its own target.
    case nextReply = "next_reply"
    /// Time the requester spends waiting on the team: new, open and on hold count, pending
    /// (waiting on the requester) never does. Runs until solved; continues after a reopen.
    case requesterWait = "requester_wait"
    /// From creation until solved; a reopen continues the count where it stopped.
    case resolution

    /// The statuses that stop this metric's clock when a policy does not say otherwise:
    /// none for replies (a reply is owed whatever the status); pending for requester wait
    /// (on hold means a third party is busy, and the requester is still waiting); pending and
    /// on hold for resolution (the ball is in someone else's court).
    public var defaultPausingStatuses: Set<TicketStatus> {
        switch self {
        case .firstReply, .nextReply: []
        case .requesterWait: [.pending]
        case .resolution: [.pending, .onHold]
        }
    }
}
