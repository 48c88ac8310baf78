import ConciergeDomain
import Foundation

/// A signed-in user's in-app notifications: what rules, mentions and SLA escalations sent them.
public struct NotificationFeed: Sendable {
    let store: any TenantStore
    let now: @Sendable () -> Date

    public init(store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.now = now
    }

    /// The caller's feed, newest first, and how many are unread.
    /// - Throws: `invalidInput` (`no_user`) for a credential without a user (an API token).
    public func feed(for identity: Identity, before cursor: UUID?, limit: Int, unreadOnly: Bool) async throws
        -> (notifications: [InAppNotification], unread: Int)
    {
        let user = try Self.user(of: identity)
        guard (1...200).contains(limit) else {
            throw AppError(.invalidInput, code: "invalid_parameter", message: "limit must be 1-200", field: "limit")
        }
        return try await store.transaction(identity.tenantID) { tx in
            (
                try await tx.notifications.feed(of: user, before: cursor, limit: limit, unreadOnly: unreadOnly),
                try await tx.notifications.unreadCount(of: user)
            )
        }
    }

    /// Marks the caller's notifications read (`ids` nil: all). - Returns: how many changed.
    public func markRead(for identity: Identity, ids: [UUID]?) async throws -> Int {
        let user = try Self.user(of: identity)
        let at = now()
        return try await store.transaction(identity.tenantID) { tx in
            try await tx.notifications.markRead(of: user, ids: ids, at: at)
        }
    }

    static func user(of identity: Identity) throws -> UserID {
        guard let user = identity.userID else {
            throw AppError(
                .invalidInput, code: "no_user", message: "notifications belong to users; sign in as one")
        }
        return user
    }
}
