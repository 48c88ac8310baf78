/// A ticket of an agent who went offline, with what routing needs to know about it.
public struct RerouteTicket: Sendable, Equatable {
    /// The ticket.
    public var ticketID: TicketID
    /// Its status; only `new` and `open` tickets move (see ``ReroutePlan``).
    public var status: TicketStatus
    /// Skill keys the ticket needs.
    public var requiredSkills: Set<String>
    /// The ticket's region key, if known.
    public var region: String?

    /// Creates a ticket to re-route.
    public init(ticketID: TicketID, status: TicketStatus, requiredSkills: Set<String> = [], region: String? = nil) {
        self.ticketID = ticketID
        self.status = status
        self.requiredSkills = requiredSkills
        self.region = region
    }
}
