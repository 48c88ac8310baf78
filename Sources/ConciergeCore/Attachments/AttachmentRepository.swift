import ConciergeDomain

/// Attachment rows of the transaction's tenant.
public protocol AttachmentRepository: Sendable {
    func insert(_ attachment: Attachment) async throws
    func find(id: AttachmentID) async throws -> Attachment?
    /// The ticket's attachments, oldest first.
    func list(ticket: TicketID) async throws -> [Attachment]
    /// Links unlinked attachments of `ticket` to `comment`. - Returns: how many were linked.
    func link(_ ids: [AttachmentID], ticket: TicketID, to comment: CommentID) async throws -> Int
}
