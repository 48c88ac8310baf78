import ConciergeDomain
import Foundation

extension TicketDesk {
    /// Merges `source` into `target`: the source's comments move to the target, the source is
    /// closed pointing at the target, and both get an internal note and a history event.
    /// - Throws: `conflict` when either ticket is closed or they are the same ticket.
    public func merge(_ source: TicketReference, into target: TicketReference, actor: Actor, tenant: TenantID)
        async throws
        -> Ticket
    {
        let mergedAt = now()
        return try await store.transaction(tenant) { tx in
            let sourceTicket = try await Self.find(source, in: tx)
            let targetTicket = try await Self.find(target, in: tx)
            guard sourceTicket.id != targetTicket.id else {
                throw AppError(.conflict, code: "same_ticket", message: "a ticket cannot be merged into itself")
            }
            // Lock in id order so two opposite merges cannot deadlock.
            let ordered = [sourceTicket.id, targetTicket.id].sorted()
            var locked: [TicketID: Ticket] = [:]
            for id in ordered { locked[id] = try await tx.tickets.lock(id: id) }
            guard var from = locked[sourceTicket.id], var into = locked[targetTicket.id] else {
                throw AppError.notFound("ticket")
            }
            guard from.status != .closed, into.status != .closed else {
                throw AppError(.conflict, code: "ticket_closed", message: "closed tickets cannot be merged")
            }
            try await tx.comments.move(from: from.id, to: into.id)
            let beforeFrom = from
            from.status = .closed
            from.closedAt = mergedAt
            from.mergedIntoID = into.id
            from.updatedAt = mergedAt
            from.version += 1
            try await tx.tickets.update(from, searchDocument: nil)
            let note = Comment(
                id: CommentID(), tenantID: tenant, ticketID: into.id, author: .system("merge"),
                body: "Merged #\(from.number) (\(from.subject)) into this ticket.\n\(from.description)",
                isPublic: false,
                channel: .internal, mentionIDs: [], createdAt: mergedAt)
            try await tx.comments.insert(
                note, searchDocument: SearchTokenizer.document([from.subject, from.description]))
            into.tags = (try? TicketTags.normalize(into.tags + from.tags)) ?? into.tags
            into.followerIDs = Array(Set(into.followerIDs + from.followerIDs)).sorted()
            into.updatedAt = mergedAt
            into.version += 1
            try await tx.tickets.update(into, searchDocument: nil)
            var sourceData = Self.history(TicketChange.diff(beforeFrom, from))
            sourceData["merged_into_number"] = .number(Double(into.number))
            try await record("ticket.merged", from, actor: actor, tx: tx, data: sourceData)
            try await record(
                "ticket.merge_received", into, actor: actor, tx: tx,
                data: ["source_id": .string(from.id.description), "source_number": .number(Double(from.number))])
            return into
        }
    }
}
