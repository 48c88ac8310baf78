import ConciergeDomain
import Foundation

extension UserAdministration {
    /// Changes the signed-in user's own name and language, whatever their role: the only fields
    /// a user may change about themselves (role and status stay with administrators).
    /// - Throws: `unauthenticated` without a user (an API token); `invalidInput` on `name`.
    public func updateOwnProfile(_ identity: Identity, name: String?, locale: Tenant.Locale?) async throws -> User {
        guard let id = identity.userID else { throw AppError.unauthenticated }
        var validName: String?
        do throws(ValidationError) {
            if let name { validName = try Validate.displayName(name, field: "name") }
        } catch { throw AppError.invalid(error) }
        let changedAt = now()
        let newName = validName
        return try await store.transaction(identity.tenantID) { tx in
            guard let before = try await tx.users.find(id: id) else { throw AppError.notFound("user") }
            var after = before
            if let newName { after.name = newName }
            if let locale { after.locale = locale }
            guard after != before else { return before }
            after.updatedAt = changedAt
            try await tx.users.update(after)
            try await tx.events.append(
                DomainEvent(
                    tenantID: identity.tenantID, type: "user.updated", subjectType: "user", subjectID: id.description,
                    actor: identity.actor, data: Self.changes(before, after, passwordChanged: false),
                    occurredAt: changedAt),
                outbox: [])
            return after
        }
    }
}
