import ConciergeDomain
import Foundation

/// Control-plane storage of API tokens and web sessions, looked up by the SHA-256 digest of the
/// secret (the secret itself is never stored).
public protocol CredentialStore: Sendable {
    func insert(_ token: APIToken, digest: [UInt8]) async throws
    /// The live (unrevoked, unexpired) token with this digest, if its tenant is active;
    /// records `now` as last use.
    func useToken(digest: [UInt8], now: Date) async throws -> APIToken?
    /// All tokens of `tenant`, newest first, revoked ones included.
    func tokens(of tenant: TenantID) async throws -> [APIToken]
    /// Revokes a token of `tenant`. - Returns: `false` when `tenant` has no such live token.
    func revokeToken(_ id: APITokenID, of tenant: TenantID, at: Date) async throws -> Bool

    func insert(_ session: Session, digest: [UInt8]) async throws
    /// The unexpired session with this digest; records its use in `lastSeenAt` at most once a
    /// minute, so a page view is a read, not a write (and a commit) of its own.
    func useSession(digest: [UInt8], now: Date) async throws -> Session?
    func deleteSession(digest: [UInt8]) async throws
    /// Signs a user out everywhere (deactivation, password change).
    func deleteSessions(of user: UserID, in tenant: TenantID) async throws
    /// Removes expired sessions. - Returns: how many.
    func purgeExpiredSessions(now: Date) async throws -> Int
}

/// A bearer credential for the REST API, bound to one tenant and one role.
public struct APIToken: Sendable, Equatable, Codable {
    public var id: APITokenID
    public var tenantID: TenantID
    public var name: String
    public var role: Role
    /// First characters of the secret, shown in listings so people can tell tokens apart.
    public var prefix: String
    public var createdBy: Actor
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?
    public var expiresAt: Date?

    public init(
        id: APITokenID, tenantID: TenantID, name: String, role: Role, prefix: String, createdBy: Actor,
        createdAt: Date, lastUsedAt: Date? = nil, revokedAt: Date? = nil, expiresAt: Date? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.role = role
        self.prefix = prefix
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
        self.expiresAt = expiresAt
    }
}

/// A signed-in browser: the cookie holds the secret; `csrfToken` must accompany every
/// state-changing request made with that cookie.
public struct Session: Sendable, Equatable {
    public var tenantID: TenantID
    public var userID: UserID
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date

    public init(
        tenantID: TenantID, userID: UserID, csrfToken: String, createdAt: Date, lastSeenAt: Date, expiresAt: Date
    ) {
        self.tenantID = tenantID
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}
