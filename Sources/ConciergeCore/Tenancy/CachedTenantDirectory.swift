import ConciergeDomain
import Foundation

/// A ``TenantDirectory`` that remembers lookups by id for a few seconds, so authenticating a
/// request does not read the tenants table every time. Writes go through and forget the entry;
/// another replica's change (a suspension) is seen within `lifetime`.
public final class CachedTenantDirectory: TenantDirectory, @unchecked Sendable {
    // `entries` is only touched under `lock`.
    private let base: any TenantDirectory
    private let lifetime: TimeInterval
    private let now: @Sendable () -> Date
    private let lock = NSLock()
    private var entries: [TenantID: (tenant: Tenant, expires: Date)] = [:]

    public init(
        _ base: any TenantDirectory, lifetime: Duration = .seconds(5), now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.base = base
        self.lifetime = TimeInterval(lifetime.components.seconds)
        self.now = now
    }

    public func create(_ tenant: Tenant) async throws { try await base.create(tenant) }

    public func find(id: TenantID) async throws -> Tenant? {
        let current = now()
        if let entry = lock.withLock({ entries[id] }), entry.expires > current { return entry.tenant }
        guard let tenant = try await base.find(id: id) else { return nil }
        lock.withLock {
            if entries.count > 10_000 { entries.removeAll(keepingCapacity: true) }
            entries[id] = (tenant, current.addingTimeInterval(lifetime))
        }
        return tenant
    }

    public func find(slug: TenantSlug) async throws -> Tenant? { try await base.find(slug: slug) }

    public func update(_ tenant: Tenant) async throws {
        try await base.update(tenant)
        lock.withLock { _ = entries.removeValue(forKey: tenant.id) }
    }

    public func all() async throws -> [Tenant] { try await base.all() }

    public func logoImage(of id: TenantID) async throws -> TenantLogoImage? { try await base.logoImage(of: id) }

    public func setLogo(_ image: TenantLogoImage?, of id: TenantID, at time: Date) async throws {
        try await base.setLogo(image, of: id, at: time)
        lock.withLock { _ = entries.removeValue(forKey: id) }
    }
}
