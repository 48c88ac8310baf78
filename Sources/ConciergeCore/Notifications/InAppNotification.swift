import ConciergeDomain
import Foundation

/// An entry of a user's in-app notification feed.
public struct InAppNotification: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var userID: UserID
    public var ticketID: TicketID?
    /// What happened: `rule` (a trigger or automation notified), `mention`, `sla_breach`…
    public var kind: String
    public var title: String
    public var body: String
    /// Who caused it: `trigger:<key>`, `automation:<key>`, `user:<id>`.
    public var source: String
    public var createdAt: Date
    public var readAt: Date?

    public init(
        id: UUID = UUID(), userID: UserID, ticketID: TicketID?, kind: String, title: String, body: String,
        source: String, createdAt: Date, readAt: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.ticketID = ticketID
        self.kind = kind
        self.title = title
        self.body = body
        self.source = source
        self.createdAt = createdAt
        self.readAt = readAt
    }
}

/// The notification feeds of the transaction's tenant.
public protocol NotificationRepository: Sendable {
    func insert(_ notifications: [InAppNotification]) async throws
    /// A user's notifications, newest first, older than `cursor` (a notification id).
    func feed(of user: UserID, before cursor: UUID?, limit: Int, unreadOnly: Bool) async throws -> [InAppNotification]
    func unreadCount(of user: UserID) async throws -> Int
    /// Marks the user's notifications read (`ids` nil: all of them). - Returns: how many changed.
    func markRead(of user: UserID, ids: [UUID]?, at date: Date) async throws -> Int
}
