import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Comments of one tenant.
struct CommentPostgresRepository: CommentRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func insert(_ comment: Comment, searchDocument: String) async throws {
        let (authorType, authorID) = Self.columns(of: comment.author)
        try await connection.query(
            """
            INSERT INTO comments (tenant_id, id, ticket_id, author_type, author_id, body, is_public, channel, mention_ids,
                created_at, search_vector)
            VALUES (\(tenantID.rawValue), \(comment.id.rawValue), \(comment.ticketID.rawValue), \(authorType), \(authorID),
                \(comment.body), \(comment.isPublic), \(comment.channel.rawValue), \(comment.mentionIDs.map(\.rawValue)),
                \(comment.createdAt), to_tsvector('simple', \(searchDocument)))
            """, logger: logger)
    }

    func list(ticket: TicketID, publicOnly: Bool, after cursor: CommentID?, limit: Int) async throws -> [Comment] {
        let rows = try await connection.query(
            """
            SELECT id, author_type, author_id, body, is_public, channel, mention_ids, created_at FROM comments c
            WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(ticket.rawValue) AND (is_public OR NOT \(publicOnly))
              AND (\(cursor?.rawValue)::uuid IS NULL OR (created_at, id) > (
                    SELECT created_at, id FROM comments WHERE tenant_id = \(tenantID.rawValue) AND id = \(cursor?.rawValue)::uuid))
            ORDER BY created_at, id LIMIT \(limit)
            """, logger: logger)
        var comments: [Comment] = []
        for try await row in rows.decode((UUID, String, String, String, Bool, String, [UUID], Date).self) {
            comments.append(
                Comment(
                    id: CommentID(row.0), tenantID: tenantID, ticketID: ticket,
                    author: Self.author(type: row.1, id: row.2),
                    body: row.3, isPublic: row.4, channel: TicketChannel(rawValue: row.5) ?? .api,
                    mentionIDs: row.6.map(UserID.init), createdAt: row.7))
        }
        return comments
    }

    func find(id: CommentID) async throws -> Comment? {
        let rows = try await connection.query(
            """
            SELECT ticket_id, author_type, author_id, body, is_public, channel, mention_ids, created_at FROM comments
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)
            """, logger: logger)
        for try await row in rows.decode((UUID, String, String, String, Bool, String, [UUID], Date).self) {
            return Comment(
                id: id, tenantID: tenantID, ticketID: TicketID(row.0), author: Self.author(type: row.1, id: row.2),
                body: row.3, isPublic: row.4, channel: TicketChannel(rawValue: row.5) ?? .api,
                mentionIDs: row.6.map(UserID.init), createdAt: row.7)
        }
        return nil
    }

    func move(from source: TicketID, to target: TicketID) async throws {
        try await connection.query(
            "UPDATE comments SET ticket_id = \(target.rawValue) WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(source.rawValue)",
            logger: logger)
    }

    static func columns(of author: CommentAuthor) -> (String, String) {
        switch author {
        case .user(let id): ("user", id.description)
        case .customer(let id): ("customer", id.description)
        case .system(let name): ("system", name)
        }
    }

    static func author(type: String, id: String) -> CommentAuthor {
        switch type {
        case "user": UserID(id).map(CommentAuthor.user) ?? .system(id)
        case "customer": CustomerID(id).map(CommentAuthor.customer) ?? .system(id)
        default: .system(id)
        }
    }
}
