import ConciergeDomain
import Foundation

/// A ``CredentialStore`` that remembers live API tokens for a few seconds, so that an API
/// request does not read (and touch) the tokens table every time.
///
/// Only found tokens are remembered, by the digest of their secret (never the secret), and an
/// entry never outlives the token's own expiry. A revocation through this store forgets the
/// token at once; a revocation on another replica, or a suspended tenant, is refused there
/// within `lifetime`. `last_used_at` is still recorded, at most once per `lifetime` per token
/// and replica (the store records it at most once a minute anyway). Everything else passes
/// through.
public final class CachedCredentialStore: CredentialStore, @unchecked Sendable {
    // `tokens` is only touched under `lock`.
    private let base: any CredentialStore
    private let lifetime: TimeInterval
    private let lock = NSLock()
    private var tokens: [[UInt8]: (token: APIToken, expires: Date)] = [:]

    public init(_ base: any CredentialStore, lifetime: Duration = .seconds(5)) {
        self.base = base
        self.lifetime = TimeInterval(lifetime.components.seconds)
    }

    public func useToken(digest: [UInt8], now: Date) async throws -> APIToken? {
        if let entry = lock.withLock({ tokens[digest] }) {
            if entry.expires > now, entry.token.expiresAt.map({ $0 > now }) ?? true { return entry.token }
            lock.withLock { _ = tokens.removeValue(forKey: digest) }
        }
        guard let token = try await base.useToken(digest: digest, now: now) else { return nil }
        lock.withLock {
            // Bounded: many distinct live tokens only cost an occasional refill.
            if tokens.count >= 10_000 { tokens.removeAll(keepingCapacity: true) }
            tokens[digest] = (token, now.addingTimeInterval(lifetime))
        }
        return token
    }

    public func revokeToken(_ id: APITokenID, of tenant: TenantID, at date: Date) async throws -> Bool {
        let revoked = try await base.revokeToken(id, of: tenant, at: date)
        lock.withLock { tokens = tokens.filter { $0.value.token.id != id } }
        return revoked
    }

    public func insert(_ token: APIToken, digest: [UInt8]) async throws { try await base.insert(token, digest: digest) }
    public func tokens(of tenant: TenantID) async throws -> [APIToken] { try await base.tokens(of: tenant) }
    public func insert(_ session: Session, digest: [UInt8]) async throws {
        try await base.insert(session, digest: digest)
    }
    public func useSession(digest: [UInt8], now: Date) async throws -> Session? {
        try await base.useSession(digest: digest, now: now)
    }
    public func deleteSession(digest: [UInt8]) async throws { try await base.deleteSession(digest: digest) }
    public func deleteSessions(of user: UserID, in tenant: TenantID) async throws {
        try await base.deleteSessions(of: user, in: tenant)
    }
    public func purgeExpiredSessions(now: Date) async throws -> Int { try await base.purgeExpiredSessions(now: now) }
}
