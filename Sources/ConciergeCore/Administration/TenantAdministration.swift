import ConciergeDomain
import Foundation

/// Reading and changing a tenant's own settings (name, time zone, locale).
public struct TenantAdministration: Sendable {
    let tenants: any TenantDirectory
    let store: any TenantStore
    let now: @Sendable () -> Date

    public init(tenants: any TenantDirectory, store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.tenants = tenants
        self.store = store
        self.now = now
    }

    /// The caller's tenant.
    public func current(_ identity: Identity) async throws -> Tenant {
        guard let tenant = try await tenants.find(id: identity.tenantID) else { throw AppError.notFound("tenant") }
        return tenant
    }

    /// Applies `change` and records a `tenant.updated` event listing the changed fields.
    @discardableResult
    public func update(_ change: TenantSettingsChange, by actor: Actor, tenant id: TenantID) async throws -> Tenant {
        do throws(ValidationError) { try change.validate() } catch { throw AppError.invalid(error) }
        guard let before = try await tenants.find(id: id) else { throw AppError.notFound("tenant") }
        var after = change.applied(to: before)
        guard after != before else { return before }
        after.updatedAt = now()
        try await tenants.update(after)
        var changed: [String: JSONValue] = [:]
        if before.name != after.name { changed["name"] = .array([.string(before.name), .string(after.name)]) }
        if before.timeZone != after.timeZone {
            changed["time_zone"] = .array([.string(before.timeZone), .string(after.timeZone)])
        }
        if before.locale != after.locale {
            changed["locale"] = .array([.string(before.locale.rawValue), .string(after.locale.rawValue)])
        }
        let event = DomainEvent(
            tenantID: id, type: "tenant.updated", subjectType: "tenant", subjectID: id.description, actor: actor,
            data: ["changes": .object(changed)], occurredAt: after.updatedAt)
        try await store.transaction(id) { try await $0.events.append(event, outbox: []) }
        return after
    }
}
