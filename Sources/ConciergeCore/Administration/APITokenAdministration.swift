import ConciergeDomain
import Foundation

/// Issuing, listing and revoking API tokens. A token's secret is returned once, at issue.
public struct APITokenAdministration: Sendable {
    /// A newly issued token and its secret (shown once, never stored).
    public struct Issued: Sendable {
        public var token: APIToken
        public var secret: String
    }

    let credentials: any CredentialStore
    let store: any TenantStore
    let now: @Sendable () -> Date

    public init(
        credentials: any CredentialStore, store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.credentials = credentials
        self.store = store
        self.now = now
    }

    /// Issues a token with `role` for `tenant`.
    /// - Throws: `invalidInput` for a bad name or expiry, `forbidden` when `grantor` may not grant `role`.
    public func issue(
        name: String, role: Role, expiresAt: Date? = nil, grantedBy grantor: Role, actor: Actor, tenant: TenantID
    ) async throws -> Issued {
        guard grantor.mayGrant(role) else {
            throw AppError.forbidden("the \(grantor.rawValue) role cannot issue \(role.rawValue) tokens")
        }
        let cleanName: String
        do throws(ValidationError) { cleanName = try Validate.displayName(name, field: "name", maxLength: 100) } catch {
            throw AppError.invalid(error)
        }
        let issuedAt = now()
        if let expiresAt, expiresAt <= issuedAt {
            throw AppError(
                .invalidInput, code: "invalid_expiry", message: "expires_at must be in the future", field: "expires_at")
        }
        let secret = SecretToken.generate(prefix: Authentication.tokenPrefix)
        let token = APIToken(
            id: APITokenID(), tenantID: tenant, name: cleanName, role: role, prefix: String(secret.prefix(10)),
            createdBy: actor, createdAt: issuedAt, expiresAt: expiresAt)
        try await credentials.insert(token, digest: SecretToken.digest(secret))
        try await store.transaction(tenant) { tx in
            try await tx.events.append(
                DomainEvent(
                    tenantID: tenant, type: "api_token.issued", subjectType: "api_token",
                    subjectID: token.id.description,
                    actor: actor, data: ["name": .string(cleanName), "role": .string(role.rawValue)],
                    occurredAt: issuedAt),
                outbox: [])
        }
        return Issued(token: token, secret: secret)
    }

    public func list(tenant: TenantID) async throws -> [APIToken] {
        try await credentials.tokens(of: tenant)
    }

    /// Revokes a live token of `tenant`. - Throws: `notFound` for an unknown, revoked or foreign id.
    public func revoke(_ id: APITokenID, actor: Actor, tenant: TenantID) async throws {
        let revokedAt = now()
        guard try await credentials.revokeToken(id, of: tenant, at: revokedAt) else {
            throw AppError.notFound("api token")
        }
        try await store.transaction(tenant) { tx in
            try await tx.events.append(
                DomainEvent(
                    tenantID: tenant, type: "api_token.revoked", subjectType: "api_token", subjectID: id.description,
                    actor: actor, data: [:], occurredAt: revokedAt),
                outbox: [])
        }
    }
}
