import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// In-app notification feeds of one tenant.
struct NotificationPostgresRepository: NotificationRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func insert(_ notifications: [InAppNotification]) async throws {
        guard !notifications.isEmpty else { return }
        // One statement for the batch; a ticket-less notification's ticket travels as '' (the
        // driver's arrays cannot carry NULL).
        try await connection.query(
            """
            INSERT INTO notifications (tenant_id, id, user_id, ticket_id, kind, title, body, source, created_at)
            SELECT \(tenantID.rawValue), n.id, n.user_id, NULLIF(n.ticket_id, '')::uuid, n.kind, n.title, n.body, n.source, n.created_at
            FROM unnest(\(notifications.map(\.id))::uuid[], \(notifications.map(\.userID.rawValue))::uuid[],
                        \(notifications.map { $0.ticketID?.description ?? "" })::text[],
                        \(notifications.map(\.kind))::text[], \(notifications.map(\.title))::text[],
                        \(notifications.map(\.body))::text[], \(notifications.map(\.source))::text[],
                        \(notifications.map(\.createdAt))::timestamptz[])
                AS n (id, user_id, ticket_id, kind, title, body, source, created_at)
            """, logger: logger)
    }

    func feed(of user: UserID, before cursor: UUID?, limit: Int, unreadOnly: Bool) async throws -> [InAppNotification] {
        let rows = try await connection.query(
            """
            SELECT id, ticket_id, kind, title, body, source, created_at, read_at FROM notifications n
            WHERE tenant_id = \(tenantID.rawValue) AND user_id = \(user.rawValue)
              AND (NOT \(unreadOnly) OR read_at IS NULL)
              AND (\(cursor)::uuid IS NULL OR (created_at, id) < (
                    SELECT created_at, id FROM notifications WHERE tenant_id = \(tenantID.rawValue) AND id = \(cursor)::uuid))
            ORDER BY created_at DESC, id DESC LIMIT \(limit)
            """, logger: logger)
        var feed: [InAppNotification] = []
        for try await row in rows.decode((UUID, UUID?, String, String, String, String, Date, Date?).self) {
            feed.append(
                InAppNotification(
                    id: row.0, userID: user, ticketID: row.1.map(TicketID.init), kind: row.2, title: row.3, body: row.4,
                    source: row.5, createdAt: row.6, readAt: row.7))
        }
        return feed
    }

    func unreadCount(of user: UserID) async throws -> Int {
        let rows = try await connection.query(
            """
            SELECT count(*)::int8 FROM notifications
            WHERE tenant_id = \(tenantID.rawValue) AND user_id = \(user.rawValue) AND read_at IS NULL
            """, logger: logger)
        for try await count in rows.decode(Int64.self) { return Int(count) }
        return 0
    }

    func markRead(of user: UserID, ids: [UUID]?, at date: Date) async throws -> Int {
        let rows = try await connection.query(
            """
            UPDATE notifications SET read_at = \(date)
            WHERE tenant_id = \(tenantID.rawValue) AND user_id = \(user.rawValue) AND read_at IS NULL
              AND (\(ids == nil) OR id = ANY(\(ids ?? [])::uuid[]))
            RETURNING id
            """, logger: logger
        ).collect()
        return rows.count
    }
}
