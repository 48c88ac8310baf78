import ConciergeDomain
import Foundation

/// Makes a tenant match its ``TenantBlueprint`` (settings, users, groups, custom fields,
/// forms, shared views, macros, rules, connectors): creates what is missing, updates what
/// differs, leaves everything else alone (nothing is deleted), and reports each change.
/// Running it twice reports no changes the second time.
public struct TenantConfigApplier: Sendable {
    let tenants: any TenantDirectory
    let provisioning: TenantProvisioning
    let administration: TenantAdministration
    let users: UserAdministration
    let groups: GroupAdministration
    let connectors: ConnectorHub
    let store: any TenantStore

    public init(
        tenants: any TenantDirectory, provisioning: TenantProvisioning, administration: TenantAdministration,
        users: UserAdministration, groups: GroupAdministration, connectors: ConnectorHub, store: any TenantStore
    ) {
        self.connectors = connectors
        self.tenants = tenants
        self.provisioning = provisioning
        self.administration = administration
        self.users = users
        self.groups = groups
        self.store = store
    }

    /// The outcome of an apply.
    public struct Report: Sendable {
        public var tenant: Tenant
        /// Human-readable lines: `+ created`, `~ changed`.
        public var changes: [String]
        /// The first admin token when the tenant was created by this apply.
        public var bootstrapToken: String?
    }

    /// Applies `blueprint`. - Parameter createMissing: create the tenant when its slug is unknown.
    public func apply(_ blueprint: TenantBlueprint, createMissing: Bool) async throws -> Report {
        var changes: [String] = []
        var token: String?
        let actor = Actor.system("tenant-apply")
        var tenant: Tenant
        if let found = try await tenants.find(slug: blueprint.slug) {
            tenant = found
        } else if createMissing {
            let created = try await provisioning.create(
                .init(
                    slug: blueprint.slug.rawValue, name: blueprint.settings.name ?? blueprint.slug.rawValue,
                    timeZone: blueprint.settings.timeZone ?? "Asia/Shanghai", locale: blueprint.settings.locale ?? .zhCN
                ))
            tenant = created.tenant
            token = created.adminToken.secret
            changes.append("+ tenant \(tenant.slug) created")
        } else {
            throw AppError(
                .notFound, code: "tenant_not_found",
                message: "no tenant '\(blueprint.slug)'; create it first or pass --create-missing")
        }
        let updated = try await administration.update(blueprint.settings, by: actor, tenant: tenant.id)
        if (updated.name, updated.timeZone, updated.locale) != (tenant.name, tenant.timeZone, tenant.locale) {
            changes.append("~ tenant settings updated")
        }
        tenant = updated
        changes += try await applyUsers(blueprint.users, tenant: tenant.id, actor: actor)
        changes += try await applyGroups(blueprint.groups, tenant: tenant.id, actor: actor)
        changes += try await applyConfiguration(blueprint, tenant: tenant.id, actor: actor)
        changes += try await applyServiceLevelsAndRules(blueprint, tenant: tenant.id, actor: actor)
        for draft in blueprint.connectors {
            let key = draft.key ?? ""
            switch try await connectors.apply(draft, tenant: tenant.id) {
            case .created: changes.append("+ connector \(key) created")
            case .updated: changes.append("~ connector \(key) updated")
            case .unchanged: break
            }
        }
        return Report(tenant: tenant, changes: changes, bootstrapToken: token)
    }

    private func applyUsers(_ specs: [TenantBlueprint.UserSpec], tenant: TenantID, actor: Actor) async throws
        -> [String]
    {
        var changes: [String] = []
        for spec in specs {
            let existing = try await store.transaction(tenant) { try await $0.users.find(email: spec.email) }
            guard let existing else {
                _ = try await users.create(
                    .init(
                        email: spec.email, name: spec.name, role: spec.role, locale: spec.locale, skills: spec.skills,
                        regions: spec.regions),
                    grantedBy: .owner, actor: actor, tenant: tenant)
                changes.append("+ user \(spec.email) (\(spec.role.rawValue)) invited")
                continue
            }
            let change = UserAdministration.Change(
                name: existing.name == spec.name ? nil : spec.name, role: existing.role == spec.role ? nil : spec.role,
                locale: existing.locale == spec.locale ? nil : spec.locale,
                skills: existing.skills == spec.skills ? nil : spec.skills,
                regions: existing.regions == spec.regions ? nil : spec.regions)
            guard
                change.name != nil || change.role != nil || change.locale != nil || change.skills != nil
                    || change.regions != nil
            else { continue }
            _ = try await users.update(existing.id, change, grantedBy: .owner, actor: actor, tenant: tenant)
            changes.append("~ user \(spec.email) updated")
        }
        return changes
    }

    private func applyGroups(_ specs: [TenantBlueprint.GroupSpec], tenant: TenantID, actor: Actor) async throws
        -> [String]
    {
        var changes: [String] = []
        for spec in specs {
            let (existing, memberIDs) = try await store.transaction(tenant) { tx -> (Group?, [UserID]) in
                var ids: [UserID] = []
                for email in spec.memberEmails {
                    guard let user = try await tx.users.find(email: email) else {
                        throw AppError(
                            .invalidInput, code: "unknown_member",
                            message: "group \(spec.key) lists \(email), who is not a user of this tenant",
                            field: "groups.\(spec.key).members")
                    }
                    ids.append(user.id)
                }
                return (try await tx.groups.find(key: spec.key), Array(Set(ids)).sorted())
            }
            guard let existing else {
                let created = try await groups.create(
                    .init(key: spec.key, name: spec.name, description: spec.description, memberIDs: memberIDs),
                    actor: actor, tenant: tenant)
                changes.append("+ group \(spec.key) created")
                changes += try await applyRouting(spec, group: created.id, tenant: tenant)
                continue
            }
            changes += try await applyRouting(spec, group: existing.id, tenant: tenant)
            let draft = GroupAdministration.Draft(
                name: existing.name == spec.name ? nil : spec.name,
                description: existing.description == spec.description ? nil : spec.description,
                memberIDs: existing.memberIDs.sorted() == memberIDs ? nil : memberIDs)
            guard draft.name != nil || draft.description != nil || draft.memberIDs != nil else { continue }
            _ = try await groups.update(existing.id, draft, actor: actor, tenant: tenant)
            changes.append("~ group \(spec.key) updated")
        }
        return changes
    }

    private func applyRouting(_ spec: TenantBlueprint.GroupSpec, group: GroupID, tenant: TenantID) async throws
        -> [String]
    {
        guard let wanted = spec.routing else { return [] }
        let presence = AgentPresenceDesk(store: store)
        let current = try await presence.routing(of: group, tenant: tenant)
        guard current.method != wanted.method || current.reroutePolicy != wanted.reroutePolicy else { return [] }
        _ = try await presence.setRouting(wanted, of: group, tenant: tenant)
        return ["~ group \(spec.key) routing \(wanted.method.rawValue), offline: \(wanted.reroutePolicy.rawValue)"]
    }
}
