import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Emails by Message-ID (`email_messages`) and IMAP cursors (`mailbox_cursors`) of one tenant.
struct EmailMessagePostgresRepository: EmailMessageRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func insert(_ record: EmailRecord) async throws -> Bool {
        let rows = try await connection.query(
            """
            INSERT INTO email_messages (tenant_id, message_id, direction, connector_id, ticket_id, comment_id, sender,
                outcome, reason, created_at)
            VALUES (\(tenantID.rawValue), \(record.messageID), \(record.direction.rawValue),
                \(record.connectorID?.rawValue), \(record.ticketID?.rawValue), \(record.commentID?.rawValue),
                \(record.sender), \(record.outcome), \(record.reason), \(record.createdAt))
            ON CONFLICT (tenant_id, message_id) DO NOTHING
            RETURNING message_id
            """, logger: logger
        ).collect()
        return !rows.isEmpty
    }

    func find(messageID: String) async throws -> EmailRecord? {
        let rows = try await connection.query(
            """
            SELECT message_id, direction, connector_id, ticket_id, comment_id, sender, outcome, reason, created_at
            FROM email_messages WHERE tenant_id = \(tenantID.rawValue) AND message_id = \(messageID)
            """, logger: logger)
        for try await (id, direction, connector, ticket, comment, sender, outcome, reason, createdAt) in rows.decode(
            (String, String, UUID?, UUID?, UUID?, String?, String, String?, Date).self)
        {
            return EmailRecord(
                messageID: id, direction: EmailRecord.Direction(rawValue: direction) ?? .inbound,
                connectorID: connector.map(ConnectorID.init), ticketID: ticket.map(TicketID.init),
                commentID: comment.map(CommentID.init), sender: sender, outcome: outcome, reason: reason,
                createdAt: createdAt)
        }
        return nil
    }

    func ticket(referencedBy messageIDs: [String]) async throws -> TicketID? {
        let rows = try await connection.query(
            """
            SELECT ticket_id FROM email_messages
            WHERE tenant_id = \(tenantID.rawValue) AND message_id = ANY(\(messageIDs)) AND ticket_id IS NOT NULL
            ORDER BY created_at DESC LIMIT 1
            """, logger: logger)
        for try await id in rows.decode(UUID.self) { return TicketID(id) }
        return nil
    }

    func latestMailbox(of ticket: TicketID) async throws -> ConnectorID? {
        let rows = try await connection.query(
            """
            SELECT connector_id FROM email_messages
            WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(ticket.rawValue) AND direction = 'in'
              AND connector_id IS NOT NULL
            ORDER BY created_at DESC LIMIT 1
            """, logger: logger)
        for try await id in rows.decode(UUID.self) { return ConnectorID(id) }
        return nil
    }

    func messageIDs(of ticket: TicketID, limit: Int) async throws -> [String] {
        let rows = try await connection.query(
            """
            SELECT message_id FROM email_messages
            WHERE tenant_id = \(tenantID.rawValue) AND ticket_id = \(ticket.rawValue)
            ORDER BY created_at DESC, message_id DESC LIMIT \(limit)
            """, logger: logger)
        var ids: [String] = []
        for try await id in rows.decode(String.self) { ids.append(id) }
        return ids.reversed()
    }

    func receivedCount(from sender: String, since date: Date) async throws -> Int {
        let rows = try await connection.query(
            """
            SELECT count(*) FROM email_messages
            WHERE tenant_id = \(tenantID.rawValue) AND direction = 'in' AND sender = \(sender) AND created_at >= \(date)
            """, logger: logger)
        for try await count in rows.decode(Int64.self) { return Int(count) }
        return 0
    }

    func cursor(of mailbox: ConnectorID) async throws -> MailboxCursor? {
        let rows = try await connection.query(
            """
            SELECT uid_validity, last_uid, polled_at, last_error FROM mailbox_cursors
            WHERE tenant_id = \(tenantID.rawValue) AND connector_id = \(mailbox.rawValue)
            """, logger: logger)
        for try await (validity, last, polledAt, error) in rows.decode((Int64?, Int64, Date?, String?).self) {
            return MailboxCursor(
                uidValidity: validity.flatMap { UInt32(exactly: $0) }, lastUID: UInt32(clamping: last),
                polledAt: polledAt, lastError: error)
        }
        return nil
    }

    func saveCursor(_ cursor: MailboxCursor, of mailbox: ConnectorID) async throws {
        try await connection.query(
            """
            INSERT INTO mailbox_cursors (tenant_id, connector_id, uid_validity, last_uid, polled_at, last_error)
            VALUES (\(tenantID.rawValue), \(mailbox.rawValue), \(cursor.uidValidity.map(Int64.init)),
                \(Int64(cursor.lastUID)), \(cursor.polledAt), \(cursor.lastError))
            ON CONFLICT (tenant_id, connector_id) DO UPDATE SET uid_validity = EXCLUDED.uid_validity,
                last_uid = EXCLUDED.last_uid, polled_at = EXCLUDED.polled_at, last_error = EXCLUDED.last_error
            """, logger: logger)
    }
}
