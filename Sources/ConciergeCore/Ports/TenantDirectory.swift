import ConciergeDomain

/// The control plane's register of tenants (not tenant-scoped: platform operations only).
public protocol TenantDirectory: Sendable {
    /// Inserts a new tenant.
    /// - Throws: ``AppError`` `conflict` when the slug is taken.
    func create(_ tenant: Tenant) async throws
    func find(id: TenantID) async throws -> Tenant?
    func find(slug: TenantSlug) async throws -> Tenant?
    /// Saves name, status, plan, seats, time zone, locale and placement.
    func update(_ tenant: Tenant) async throws
    func all() async throws -> [Tenant]
}
