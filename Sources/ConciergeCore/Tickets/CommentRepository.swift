import ConciergeDomain
import Foundation

/// Comments of the transaction's tenant.
public protocol CommentRepository: Sendable {
    func insert(_ comment: Comment, searchDocument: String) async throws
    /// The comment with this id, `nil` when the tenant has none.
    func find(id: CommentID) async throws -> Comment?
    /// Oldest first, after `cursor` (a comment id), optionally public ones only.
    func list(ticket: TicketID, publicOnly: Bool, after cursor: CommentID?, limit: Int) async throws -> [Comment]
    /// Moves every comment of `source` to `target` (merging tickets).
    func move(from source: TicketID, to target: TicketID) async throws
    /// Credits every comment written by customer `source` to `target` (merging customers).
    func reassignCustomerAuthor(from source: CustomerID, to target: CustomerID) async throws
}
