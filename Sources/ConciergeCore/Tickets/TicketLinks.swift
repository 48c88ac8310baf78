import ConciergeDomain
import Foundation

extension TicketDesk {
    /// Marks two tickets as related (both show the link; history on both).
    public func relate(_ reference: TicketReference, to other: TicketReference, actor: Actor, tenant: TenantID)
        async throws
    {
        try await store.transaction(tenant) { tx in
            let a = try await Self.find(reference, in: tx)
            let b = try await Self.find(other, in: tx)
            guard a.id != b.id else {
                throw AppError(
                    .invalidInput, code: "same_ticket", message: "a ticket cannot be related to itself",
                    field: "related_id")
            }
            guard try await tx.links.link(a.id, b.id, by: actor) else { return }
            for (ticket, peer) in [(a, b), (b, a)] {
                try await record(
                    "ticket.related", ticket, actor: actor, tx: tx,
                    data: ["related_id": .string(peer.id.description), "related_number": .number(Double(peer.number))])
            }
        }
    }

    /// Removes a related link. - Throws: `notFound` when the tickets were not related.
    public func unrelate(_ reference: TicketReference, from other: TicketReference, actor: Actor, tenant: TenantID)
        async throws
    {
        try await store.transaction(tenant) { tx in
            let a = try await Self.find(reference, in: tx)
            let b = try await Self.find(other, in: tx)
            guard try await tx.links.unlink(a.id, b.id) else { throw AppError.notFound("link") }
            for (ticket, peer) in [(a, b), (b, a)] {
                try await record(
                    "ticket.unrelated", ticket, actor: actor, tx: tx, data: ["related_id": .string(peer.id.description)]
                )
            }
        }
    }

    /// The tickets related to `reference`.
    public func related(to reference: TicketReference, tenant: TenantID) async throws -> [Ticket] {
        try await store.transaction(tenant) { tx in
            try await Self.related(to: try await Self.find(reference, in: tx).id, in: tx)
        }
    }

    /// The tickets related to `ticket`, by number.
    static func related(to ticket: TicketID, in tx: any TenantTransaction) async throws -> [Ticket] {
        var result: [Ticket] = []
        for id in try await tx.links.related(to: ticket) {
            if let peer = try await tx.tickets.find(id: id) { result.append(peer) }
        }
        return result.sorted { $0.number < $1.number }
    }
}
