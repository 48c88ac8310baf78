import ConciergeDomain
import Foundation

/// Reading and changing a tenant's own settings (name, time zone, locale, brand colour, logo).
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
        if before.brandColor != after.brandColor {
            let color = { (color: BrandColor?) -> JSONValue in color.map { .string($0.hex) } ?? .null }
            changed["brand_color"] = .array([color(before.brandColor), color(after.brandColor)])
        }
        try await record(changed, by: actor, tenant: id, at: after.updatedAt)
        return after
    }

    /// The tenant's logo with its bytes. - Throws: `notFound` when it has none.
    public func logo(tenant id: TenantID) async throws -> TenantLogoImage {
        guard let image = try await tenants.logoImage(of: id) else { throw AppError.notFound("logo") }
        return image
    }

    /// Sets the tenant's logo from an uploaded image (PNG, JPEG, GIF or WebP, at most
    /// ``TenantLogo/maxBytes``).
    /// - Throws: `invalidInput` on `logo` (see ``TenantLogo/describe(contentType:bytes:)``).
    @discardableResult
    public func setLogo(contentType: String, bytes: [UInt8], by actor: Actor, tenant id: TenantID) async throws
        -> Tenant
    {
        let logo: TenantLogo
        do throws(ValidationError) { logo = try TenantLogo.describe(contentType: contentType, bytes: bytes) } catch {
            throw AppError.invalid(error)
        }
        return try await replaceLogo(with: TenantLogoImage(logo: logo, bytes: bytes), by: actor, tenant: id)
    }

    /// Removes the tenant's logo (nothing happens when it has none).
    @discardableResult
    public func removeLogo(by actor: Actor, tenant id: TenantID) async throws -> Tenant {
        try await replaceLogo(with: nil, by: actor, tenant: id)
    }

    private func replaceLogo(with image: TenantLogoImage?, by actor: Actor, tenant id: TenantID) async throws
        -> Tenant
    {
        guard let before = try await tenants.find(id: id) else { throw AppError.notFound("tenant") }
        guard before.logo != image?.logo else { return before }
        let changedAt = now()
        try await tenants.setLogo(image, of: id, at: changedAt)
        let version = { (logo: TenantLogo?) in logo.map { JSONValue.string($0.version) } ?? .null }
        try await record(
            ["logo": .array([version(before.logo), version(image?.logo)])], by: actor, tenant: id, at: changedAt)
        var after = before
        after.logo = image?.logo
        after.updatedAt = changedAt
        return after
    }

    private func record(_ changes: [String: JSONValue], by actor: Actor, tenant id: TenantID, at time: Date)
        async throws
    {
        let event = DomainEvent(
            tenantID: id, type: "tenant.updated", subjectType: "tenant", subjectID: id.description, actor: actor,
            data: ["changes": .object(changes)], occurredAt: time)
        try await store.transaction(id) { try await $0.events.append(event, outbox: []) }
    }
}
