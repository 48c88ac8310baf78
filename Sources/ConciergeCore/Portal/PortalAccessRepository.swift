import ConciergeDomain
import Foundation

/// A customer's signed-in session in the portal. The cookie carries a secret; only its SHA-256
/// digest is stored (like agents' sessions and API tokens).
public struct PortalSession: Sendable, Equatable {
    public var customerID: CustomerID
    /// The token every form of the session must send back (`csrf_token`).
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date

    public init(customerID: CustomerID, csrfToken: String, createdAt: Date, lastSeenAt: Date, expiresAt: Date) {
        self.customerID = customerID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}

/// A sign-in link as stored: who it signs in, until when, and whether it was used.
public struct PortalLink: Sendable, Equatable {
    public var customerID: CustomerID
    /// The address it was emailed to.
    public var email: String
    public var createdAt: Date
    public var expiresAt: Date
    public var usedAt: Date?

    public init(customerID: CustomerID, email: String, createdAt: Date, expiresAt: Date, usedAt: Date? = nil) {
        self.customerID = customerID
        self.email = email
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}

/// The portal's sign-in links and sessions of the transaction's tenant, found by the digest of
/// their secret (migration 0018: `portal_links`, `portal_sessions`).
public protocol PortalAccessRepository: Sendable {
    func insert(link: PortalLink, digest: [UInt8]) async throws
    func link(digest: [UInt8]) async throws -> PortalLink?
    /// Marks the link used when it is unused and unexpired at `date`, in one statement, so two
    /// requests racing with the same link cannot both win. - Returns: its customer, else `nil`.
    func consumeLink(digest: [UInt8], at date: Date) async throws -> CustomerID?
    /// Marks every unused link of `customer` used (signing in with one retires the others).
    func retireLinks(of customer: CustomerID, at date: Date) async throws
    /// Deletes `customer`'s links and sessions that expired before `date`.
    func purgeExpired(of customer: CustomerID, before date: Date) async throws
    func insert(session: PortalSession, digest: [UInt8]) async throws
    /// The session, when it has not expired at `date`.
    func session(digest: [UInt8], at date: Date) async throws -> PortalSession?
    func touchSession(digest: [UInt8], at date: Date) async throws
    func deleteSession(digest: [UInt8]) async throws
}

/// Deletes expired portal links and sessions of every tenant (the scheduler's housekeeping).
public protocol PortalAccessPurger: Sendable {
    /// - Returns: how many rows went.
    func purgeExpired(before date: Date) async throws -> Int
}
