import ConciergeDomain
import Foundation

/// The control plane's register of tenants (not tenant-scoped: platform operations only).
public protocol TenantDirectory: Sendable {
    /// Inserts a new tenant.
    /// - Throws: ``AppError`` `conflict` when the slug is taken.
    func create(_ tenant: Tenant) async throws
    func find(id: TenantID) async throws -> Tenant?
    func find(slug: TenantSlug) async throws -> Tenant?
    /// Saves name, status, plan, seats, time zone, locale, placement and brand colour (not the
    /// logo: see ``setLogo(_:of:at:)``).
    func update(_ tenant: Tenant) async throws
    func all() async throws -> [Tenant]
    /// The tenant's logo with its bytes, `nil` when it has none.
    func logoImage(of id: TenantID) async throws -> TenantLogoImage?
    /// Stores `image` as the tenant's logo (`nil` removes it) and records it on the tenant.
    func setLogo(_ image: TenantLogoImage?, of id: TenantID, at time: Date) async throws
}
