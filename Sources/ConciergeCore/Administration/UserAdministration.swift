import ConciergeDomain
import Foundation

/// Inviting, listing and changing the users of a tenant, enforcing seats and role rules.
public struct UserAdministration: Sendable {
    /// A user to create. Without a password the user is `invited` and cannot sign in yet.
    public struct NewUser: Sendable {
        public var email: String
        public var name: String
        public var role: Role
        public var password: String?
        public var locale: Tenant.Locale?
        public var skills: [String]
        public var regions: [String]

        public init(
            email: String, name: String, role: Role, password: String? = nil, locale: Tenant.Locale? = nil,
            skills: [String] = [],
            regions: [String] = []
        ) {
            self.skills = skills
            self.regions = regions
            self.email = email
            self.name = name
            self.role = role
            self.password = password
            self.locale = locale
        }
    }

    /// Fields to change; `nil` keeps the current value.
    public struct Change: Sendable {
        public var name: String?
        public var role: Role?
        public var status: UserStatus?
        public var locale: Tenant.Locale?
        public var password: String?
        public var skills: [String]?
        public var regions: [String]?

        public init(
            name: String? = nil, role: Role? = nil, status: UserStatus? = nil, locale: Tenant.Locale? = nil,
            password: String? = nil, skills: [String]? = nil, regions: [String]? = nil
        ) {
            self.skills = skills
            self.regions = regions
            self.name = name
            self.role = role
            self.status = status
            self.locale = locale
            self.password = password
        }
    }

    let tenants: any TenantDirectory
    let store: any TenantStore
    let credentials: any CredentialStore
    let hasher: any PasswordHasher
    let now: @Sendable () -> Date

    public init(
        tenants: any TenantDirectory, store: any TenantStore, credentials: any CredentialStore,
        hasher: any PasswordHasher, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.tenants = tenants
        self.store = store
        self.credentials = credentials
        self.hasher = hasher
        self.now = now
    }

    /// A page of users ordered by name.
    public func list(tenant: TenantID, after cursor: UserID?, limit: Int) async throws -> [User] {
        try await store.transaction(tenant) { try await $0.users.list(after: cursor, limit: limit) }
    }

    public func get(_ id: UserID, tenant: TenantID) async throws -> User {
        guard let user = try await store.transaction(tenant, { try await $0.users.find(id: id) }) else {
            throw AppError.notFound("user")
        }
        return user
    }

    /// Creates a user.
    /// - Throws: `invalidInput`, `forbidden` (granting a role above the caller's),
    ///   `conflict` (`email_taken`, `seat_limit_reached`).
    public func create(_ new: NewUser, grantedBy grantor: Role, actor: Actor, tenant: TenantID) async throws -> User {
        guard grantor.mayGrant(new.role) else {
            throw AppError.forbidden("the \(grantor.rawValue) role cannot grant \(new.role.rawValue)")
        }
        let email: String
        let name: String
        let skills: [String]
        let regions: [String]
        do throws(ValidationError) {
            email = try Validate.email(new.email)
            name = try Validate.displayName(new.name, field: "name")
            skills = try Validate.keys(new.skills, field: "skills")
            regions = try Validate.keys(new.regions, field: "regions")
            if let password = new.password { try Validate.password(password) }
        } catch { throw AppError.invalid(error) }
        let passwordHash: String? = if let password = new.password { try await hasher.hash(password) } else { nil }
        let seatLimit = try await seatLimit(of: tenant)
        let createdAt = now()
        let user = User(
            id: UserID(), tenantID: tenant, email: email, name: name, role: new.role,
            status: passwordHash == nil ? .invited : .active, locale: new.locale, skills: skills, regions: regions,
            lastLoginAt: nil,
            createdAt: createdAt, updatedAt: createdAt)
        return try await store.transaction(tenant) { tx in
            if user.role.usesSeat, try await tx.users.countSeatsInUse() >= seatLimit {
                throw AppError(
                    .conflict, code: "seat_limit_reached", message: "the plan's \(seatLimit) seats are all in use")
            }
            try await tx.users.insert(user, passwordHash: passwordHash)
            try await tx.events.append(
                DomainEvent(
                    tenantID: tenant, type: "user.created", subjectType: "user", subjectID: user.id.description,
                    actor: actor, data: ["email": .string(email), "role": .string(user.role.rawValue)],
                    occurredAt: createdAt),
                outbox: [])
            return user
        }
    }

    /// Changes a user. Deactivating or demoting signs the user out everywhere; the last active
    /// owner can be neither demoted nor deactivated, and nobody deactivates themselves (409
    /// `cannot_deactivate_self`: another admin must, so a tenant is never locked out by a slip).
    public func update(_ id: UserID, _ change: Change, grantedBy grantor: Role, actor: Actor, tenant: TenantID)
        async throws -> User
    {
        if change.status == .deactivated, actor == .user(id) {
            throw AppError(.conflict, code: "cannot_deactivate_self", message: "you cannot deactivate yourself")
        }
        let name: String?
        let skills: [String]?
        let regions: [String]?
        do throws(ValidationError) {
            if let raw = change.skills { skills = try Validate.keys(raw, field: "skills") } else { skills = nil }
            if let raw = change.regions { regions = try Validate.keys(raw, field: "regions") } else { regions = nil }
            if let raw = change.name { name = try Validate.displayName(raw, field: "name") } else { name = nil }
            if let password = change.password { try Validate.password(password) }
        } catch { throw AppError.invalid(error) }
        let passwordHash: String? = if let password = change.password { try await hasher.hash(password) } else { nil }
        let seatLimit = try await seatLimit(of: tenant)
        let changedAt = now()
        let (user, signOut) = try await store.transaction(tenant) { tx -> (User, Bool) in
            guard let before = try await tx.users.find(id: id) else { throw AppError.notFound("user") }
            guard grantor.mayGrant(before.role), change.role.map(grantor.mayGrant) ?? true else {
                throw AppError.forbidden("the \(grantor.rawValue) role cannot manage this user's role")
            }
            var after = before
            if let name { after.name = name }
            if let role = change.role { after.role = role }
            if let status = change.status { after.status = status }
            if let locale = change.locale { after.locale = locale }
            if let skills { after.skills = skills }
            if let regions { after.regions = regions }
            if passwordHash != nil, after.status == .invited { after.status = .active }
            try await checkInvariants(before: before, after: after, seatLimit: seatLimit, tx: tx)
            guard after != before || passwordHash != nil else { return (before, false) }
            after.updatedAt = changedAt
            try await tx.users.update(after)
            if let passwordHash { try await tx.users.setPasswordHash(passwordHash, of: id) }
            try await tx.events.append(
                DomainEvent(
                    tenantID: tenant, type: "user.updated", subjectType: "user", subjectID: id.description,
                    actor: actor, data: Self.changes(before, after, passwordChanged: passwordHash != nil),
                    occurredAt: changedAt),
                outbox: [])
            let signOut = after.status != .active || after.role > before.role || passwordHash != nil
            return (after, signOut)
        }
        if signOut { try await credentials.deleteSessions(of: id, in: tenant) }
        return user
    }

    private func checkInvariants(before: User, after: User, seatLimit: Int, tx: any TenantTransaction) async throws {
        let losesOwner =
            before.role == .owner && before.status == .active && (after.role != .owner || after.status != .active)
        if losesOwner, try await tx.users.countActiveOwners() <= 1 {
            throw AppError(.conflict, code: "last_owner", message: "a tenant keeps at least one active owner")
        }
        let gainsSeat =
            after.role.usesSeat && after.status != .deactivated
            && !(before.role.usesSeat && before.status != .deactivated)
        if gainsSeat, try await tx.users.countSeatsInUse() >= seatLimit {
            throw AppError(
                .conflict, code: "seat_limit_reached", message: "the plan's \(seatLimit) seats are all in use")
        }
    }

    private func seatLimit(of tenant: TenantID) async throws -> Int {
        guard let found = try await tenants.find(id: tenant) else { throw AppError.notFound("tenant") }
        return found.seatLimit
    }

    static func changes(_ before: User, _ after: User, passwordChanged: Bool) -> [String: JSONValue] {
        var changes: [String: JSONValue] = [:]
        if before.name != after.name { changes["name"] = .array([.string(before.name), .string(after.name)]) }
        if before.role != after.role {
            changes["role"] = .array([.string(before.role.rawValue), .string(after.role.rawValue)])
        }
        if before.status != after.status {
            changes["status"] = .array([.string(before.status.rawValue), .string(after.status.rawValue)])
        }
        if before.locale != after.locale {
            changes["locale"] = .array([
                before.locale.map { .string($0.rawValue) } ?? .null, after.locale.map { .string($0.rawValue) } ?? .null,
            ])
        }
        if before.skills != after.skills {
            changes["skills"] = .array([
                .array(before.skills.map(JSONValue.string)), .array(after.skills.map(JSONValue.string)),
            ])
        }
        if before.regions != after.regions {
            changes["regions"] = .array([
                .array(before.regions.map(JSONValue.string)), .array(after.regions.map(JSONValue.string)),
            ])
        }
        if passwordChanged { changes["password"] = .string("changed") }
        return ["changes": .object(changes)]
    }
}
