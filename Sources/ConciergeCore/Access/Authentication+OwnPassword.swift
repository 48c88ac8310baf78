import ConciergeDomain
import Foundation

extension Authentication {
    /// Changes the signed-in user's own password after checking the current one. Wrong current
    /// passwords count per account like failed sign-ins, so the form cannot be used to guess
    /// it. Every session of the user ends afterwards, this one included: a stolen session does
    /// not outlive the change.
    /// - Throws: `unauthenticated` without a user (an API token); `invalidInput` with code
    ///   `wrong_password` (field `current_password`) or the new password's validation error
    ///   (field `new_password`); `rateLimited` after too many wrong current passwords.
    public func changeOwnPassword(_ identity: Identity, current: String, new: String) async throws {
        guard let user = identity.userID else { throw AppError.unauthenticated }
        do throws(ValidationError) { try Validate.password(new, field: "new_password") } catch {
            throw AppError.invalid(error)
        }
        let key = "password:account:\(identity.tenantID):\(user)"
        let state = try await limiter.peek(key, limit: policy.maxFailures)
        guard state.allowed else {
            throw AppError(
                .rateLimited, code: "too_many_failed_logins",
                message: "too many wrong passwords; try again later", retryAfterSeconds: max(state.retryAfterSeconds, 1)
            )
        }
        let stored = try await store.transaction(identity.tenantID) { tx in try await tx.users.passwordHash(of: user) }
        guard let stored, await hasher.verify(current, against: stored) else {
            _ = try await limiter.hit(key, limit: policy.maxFailures, window: policy.window)
            throw AppError(
                .invalidInput, code: "wrong_password", message: "the current password is not correct",
                field: "current_password")
        }
        try await limiter.reset(key)
        let hash = try await hasher.hash(new)
        let changedAt = now()
        try await store.transaction(identity.tenantID) { tx in
            try await tx.users.setPasswordHash(hash, of: user)
            try await tx.events.append(
                DomainEvent(
                    tenantID: identity.tenantID, type: "user.password_changed", subjectType: "user",
                    subjectID: user.description, actor: .user(user), data: [:], occurredAt: changedAt),
                outbox: [])
        }
        try await credentials.deleteSessions(of: user, in: identity.tenantID)
    }
}
