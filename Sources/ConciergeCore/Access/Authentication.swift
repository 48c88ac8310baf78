import ConciergeDomain
import Foundation
import Logging

/// Turns credentials into an ``Identity``: API tokens, session cookies, and email/password
/// logins (rate limited per account and per client address).
public struct Authentication: Sendable {
    /// Limits on failed logins.
    public struct LoginPolicy: Sendable {
        public var maxFailures: Int
        public var window: Duration
        public var sessionLifetime: Duration

        public init(
            maxFailures: Int = 5, window: Duration = .seconds(900), sessionLifetime: Duration = .seconds(12 * 3600)
        ) {
            self.maxFailures = maxFailures
            self.window = window
            self.sessionLifetime = sessionLifetime
        }
    }

    /// What a successful login returns: the cookie secret (shown once) and the session.
    public struct LoginResult: Sendable {
        public var sessionSecret: String
        public var session: Session
        public var user: User
    }

    static let tokenPrefix = "cnc_"
    static let sessionPrefix = "cns_"

    let tenants: any TenantDirectory
    let credentials: any CredentialStore
    let store: any TenantStore
    let hasher: any PasswordHasher
    let limiter: any RateLimiter
    let policy: LoginPolicy
    let decoyHash: String
    let now: @Sendable () -> Date

    public init(
        tenants: any TenantDirectory, credentials: any CredentialStore, store: any TenantStore,
        hasher: any PasswordHasher, limiter: any RateLimiter, policy: LoginPolicy, decoyHash: String,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.decoyHash = decoyHash
        self.tenants = tenants
        self.credentials = credentials
        self.store = store
        self.hasher = hasher
        self.limiter = limiter
        self.policy = policy
        self.now = now
    }

    /// The identity behind an API token, or `nil` when the token is unknown, revoked, expired
    /// or its tenant is suspended.
    public func identify(bearer secret: String) async throws -> Identity? {
        guard secret.hasPrefix(Self.tokenPrefix), secret.count < 200 else { return nil }
        // The store checks the tenant's status in the same query.
        guard let token = try await credentials.useToken(digest: SecretToken.digest(secret), now: now()) else {
            return nil
        }
        return Identity(tenantID: token.tenantID, role: token.role, userID: nil, credential: .apiToken(token.id))
    }

    /// The identity behind a session cookie; `nil` when expired, signed out, or the user was
    /// deactivated.
    public func identify(sessionSecret secret: String) async throws -> Identity? {
        guard secret.hasPrefix(Self.sessionPrefix), secret.count < 200 else { return nil }
        guard let session = try await credentials.useSession(digest: SecretToken.digest(secret), now: now()) else {
            return nil
        }
        guard try await tenants.find(id: session.tenantID)?.status == .active else { return nil }
        let user = try await store.transaction(session.tenantID) { try await $0.users.find(id: session.userID) }
        guard let user, user.status == .active else { return nil }
        return Identity(
            tenantID: session.tenantID, role: user.role, userID: user.id,
            credential: .session(csrfToken: session.csrfToken))
    }

    /// Checks an email and password against tenant `slug` and opens a session.
    ///
    /// Every failure answers the same `invalid_credentials` so callers cannot probe which
    /// tenants or emails exist; failures count per account and per `clientAddress`.
    /// - Throws: ``AppError`` `unauthenticated` or `rateLimited`.
    public func login(tenant slug: String, email: String, password: String, clientAddress: String) async throws
        -> LoginResult
    {
        let normalizedEmail = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let accountKey = "login:account:\(slug.lowercased()):\(normalizedEmail)"
        let addressKey = "login:address:\(clientAddress)"
        for key in [accountKey, addressKey] {
            let limit = key == addressKey ? policy.maxFailures * 4 : policy.maxFailures
            let state = try await limiter.peek(key, limit: limit)
            if !state.allowed {
                throw AppError(
                    .rateLimited, code: "too_many_failed_logins",
                    message: "too many failed sign-in attempts; try again later",
                    retryAfterSeconds: max(state.retryAfterSeconds, 1))
            }
        }
        guard let user = try await verify(slug: slug, email: normalizedEmail, password: password) else {
            _ = try await limiter.hit(accountKey, limit: policy.maxFailures, window: policy.window)
            _ = try await limiter.hit(addressKey, limit: policy.maxFailures * 4, window: policy.window)
            throw AppError(.unauthenticated, code: "invalid_credentials", message: "email or password is incorrect")
        }
        try await limiter.reset(accountKey)
        let issuedAt = now()
        let secret = SecretToken.generate(prefix: Self.sessionPrefix)
        let session = Session(
            tenantID: user.tenantID, userID: user.id, csrfToken: SecretToken.generate(prefix: ""),
            createdAt: issuedAt, lastSeenAt: issuedAt,
            expiresAt: issuedAt.addingTimeInterval(TimeInterval(policy.sessionLifetime.components.seconds)))
        try await credentials.insert(session, digest: SecretToken.digest(secret))
        try await store.transaction(user.tenantID) { tx in
            try await tx.users.recordLogin(of: user.id, at: issuedAt)
            try await tx.events.append(
                DomainEvent(
                    tenantID: user.tenantID, type: "user.signed_in", subjectType: "user",
                    subjectID: user.id.description, actor: .user(user.id), data: [:], occurredAt: issuedAt),
                outbox: [])
        }
        return LoginResult(sessionSecret: secret, session: session, user: user)
    }

    /// Ends the session behind `secret` (idempotent).
    public func logout(sessionSecret secret: String) async throws {
        try await credentials.deleteSession(digest: SecretToken.digest(secret))
    }

    private func verify(slug: String, email: String, password: String) async throws -> User? {
        guard let slug = try? TenantSlug(slug.lowercased()), let tenant = try await tenants.find(slug: slug),
            tenant.status == .active
        else {
            _ = await hasher.verify(password, against: decoyHash)
            return nil
        }
        let found = try await store.transaction(tenant.id) { tx -> (User, String?)? in
            guard let user = try await tx.users.find(email: email) else { return nil }
            return (user, try await tx.users.passwordHash(of: user.id))
        }
        guard let (user, hash) = found, let hash else {
            // Spend the same time as a real check so timing does not reveal unknown emails.
            _ = await hasher.verify(password, against: decoyHash)
            return nil
        }
        guard await hasher.verify(password, against: hash), user.status == .active else { return nil }
        return user
    }
}
