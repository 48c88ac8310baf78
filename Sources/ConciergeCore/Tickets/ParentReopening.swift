import ConciergeDomain
import Foundation

/// Linked work (seed 004): when every internal child of a customer request is solved, the
/// request goes back to `open` so its agent picks it up again.
struct ParentReopening {
    let tx: any TenantTransaction
    let desk: TicketDesk
    let at: Date

    func childSolved(parent: TicketID) async throws {
        guard let request = try await tx.tickets.lock(id: parent), request.status.isUnsolved, request.status != .open
        else { return }
        let children = try await tx.tickets.children(of: parent)
        guard !children.isEmpty, children.allSatisfy({ !$0.status.isUnsolved }) else { return }
        let (after, changes) = try TicketDesk.applying(TicketChange(status: .open), to: request, at: at)
        guard !changes.isEmpty else { return }
        try await tx.tickets.update(after, searchDocument: nil)
        var data = TicketDesk.history(changes)
        data["reason"] = .string("all linked work solved")
        try await desk.record("ticket.updated", after, actor: .system("linked-work"), tx: tx, data: data)
    }
}
