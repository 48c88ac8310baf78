import ConciergeDomain

/// "Related" links between tickets of the transaction's tenant (undirected).
public protocol TicketLinkRepository: Sendable {
    /// - Returns: `false` when the link already existed.
    func link(_ a: TicketID, _ b: TicketID, by actor: Actor) async throws -> Bool
    /// - Returns: `false` when there was no such link.
    func unlink(_ a: TicketID, _ b: TicketID) async throws -> Bool
    /// The ids of the tickets related to `ticket`.
    func related(to ticket: TicketID) async throws -> [TicketID]
}
