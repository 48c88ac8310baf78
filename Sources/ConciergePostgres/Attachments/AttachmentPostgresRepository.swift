import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Attachment rows of one tenant.
struct AttachmentPostgresRepository: AttachmentRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    static let columns =
        "id, ticket_id, comment_id, filename, content_type, size_bytes, sha256, storage_key, uploaded_by, created_at"

    func insert(_ attachment: Attachment) async throws {
        try await connection.query(
            """
            INSERT INTO attachments (tenant_id, id, ticket_id, comment_id, filename, content_type, size_bytes, sha256, storage_key,
                uploaded_by, created_at)
            VALUES (\(tenantID.rawValue), \(attachment.id.rawValue), \(attachment.ticketID.rawValue), \(attachment.commentID?.rawValue),
                \(attachment.filename), \(attachment.contentType), \(attachment.sizeBytes), \(attachment.sha256),
                \(attachment.storageKey), \(attachment.uploadedBy.description), \(attachment.createdAt))
            """, logger: logger)
    }

    func find(id: AttachmentID) async throws -> Attachment? {
        try await fetch(
            "SELECT \(unescaped: Self.columns) FROM attachments WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)"
        ).first
    }

    func list(ticket: TicketID) async throws -> [Attachment] {
        try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM attachments
            WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(ticket.rawValue) ORDER BY created_at, id
            """)
    }

    func link(_ ids: [AttachmentID], ticket: TicketID, to comment: CommentID) async throws -> Int {
        try await connection.query(
            """
            UPDATE attachments SET comment_id = \(comment.rawValue)
            WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(ticket.rawValue) AND comment_id IS NULL
              AND id = ANY(\(ids.map(\.rawValue))::uuid[])
            RETURNING 1
            """, logger: logger
        ).collect().count
    }

    private func fetch(_ query: PostgresQuery) async throws -> [Attachment] {
        var result: [Attachment] = []
        let rows = try await connection.query(query, logger: logger)
        for try await row in rows.decode((UUID, UUID, UUID?, String, String, Int64, String, String, String, Date).self)
        {
            result.append(
                Attachment(
                    id: AttachmentID(row.0), tenantID: tenantID, ticketID: TicketID(row.1),
                    commentID: row.2.map(CommentID.init),
                    filename: row.3, contentType: row.4, sizeBytes: row.5, sha256: row.6, storageKey: row.7,
                    uploadedBy: Actor(row.8) ?? .system("unknown"), createdAt: row.9))
        }
        return result
    }
}
