import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// The control plane's tenants table.
public struct TenantPostgresDirectory: TenantDirectory {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    static let columns =
        "id, slug, name, status, plan, seat_limit::int8, time_zone, locale, placement, created_at, updated_at, brand_color, logo_content_type, logo_version"
    typealias Row = (
        UUID, String, String, String, String, Int64, String, String, String, Date, Date, String?, String?, String?
    )

    public func create(_ tenant: Tenant) async throws {
        try await translatingConstraintErrors(conflict: "slug_taken", "a tenant with slug '\(tenant.slug)' exists") {
            try await client.query(
                """
                INSERT INTO tenants (id, slug, name, status, plan, seat_limit, time_zone, locale, placement, brand_color,
                                     created_at, updated_at)
                VALUES (\(tenant.id.rawValue), \(tenant.slug.rawValue), \(tenant.name), \(tenant.status.rawValue), \(tenant.plan),
                        \(tenant.seatLimit), \(tenant.timeZone), \(tenant.locale.rawValue), \(tenant.placement),
                        \(tenant.brandColor?.hex), \(tenant.createdAt), \(tenant.updatedAt))
                """, logger: logger)
        }
    }

    public func find(id: TenantID) async throws -> Tenant? {
        try await fetch("SELECT \(unescaped: Self.columns) FROM tenants WHERE id = \(id.rawValue)").first
    }

    public func find(slug: TenantSlug) async throws -> Tenant? {
        try await fetch("SELECT \(unescaped: Self.columns) FROM tenants WHERE slug = \(slug.rawValue)").first
    }

    public func update(_ tenant: Tenant) async throws {
        try await client.query(
            """
            UPDATE tenants SET name = \(tenant.name), status = \(tenant.status.rawValue), plan = \(tenant.plan),
                seat_limit = \(tenant.seatLimit), time_zone = \(tenant.timeZone), locale = \(tenant.locale.rawValue),
                placement = \(tenant.placement), brand_color = \(tenant.brandColor?.hex),
                updated_at = \(tenant.updatedAt)
            WHERE id = \(tenant.id.rawValue)
            """, logger: logger)
    }

    public func logoImage(of id: TenantID) async throws -> TenantLogoImage? {
        let rows = try await client.query(
            """
            SELECT logo_content_type, logo_version, logo_bytes FROM tenants
            WHERE id = \(id.rawValue) AND logo_bytes IS NOT NULL
            """, logger: logger)
        for try await (contentType, version, bytes) in rows.decode((String, String, ByteBuffer).self) {
            return TenantLogoImage(
                logo: TenantLogo(contentType: contentType, version: version), bytes: Array(bytes.readableBytesView))
        }
        return nil
    }

    public func setLogo(_ image: TenantLogoImage?, of id: TenantID, at time: Date) async throws {
        let bytes = image.map { ByteBuffer(bytes: $0.bytes) }
        try await client.query(
            """
            UPDATE tenants SET logo_content_type = \(image?.logo.contentType), logo_version = \(image?.logo.version),
                logo_bytes = \(bytes), updated_at = \(time)
            WHERE id = \(id.rawValue)
            """, logger: logger)
    }

    public func all() async throws -> [Tenant] {
        try await fetch("SELECT \(unescaped: Self.columns) FROM tenants ORDER BY slug")
    }

    private func fetch(_ query: PostgresQuery) async throws -> [Tenant] {
        try await Self.tenants(client.query(query, logger: logger))
    }

    /// The tenants in `rows` (of ``columns``); a row with an unreadable slug is left out.
    static func tenants(_ rows: PostgresRowSequence) async throws -> [Tenant] {
        var tenants: [Tenant] = []
        for try await row in rows.decode(Row.self) {
            guard let slug = try? TenantSlug(row.1) else { continue }
            tenants.append(
                Tenant(
                    id: TenantID(row.0), slug: slug, name: row.2, status: TenantStatus(rawValue: row.3) ?? .suspended,
                    plan: row.4, seatLimit: Int(row.5), timeZone: row.6,
                    locale: Tenant.Locale(rawValue: row.7) ?? .zhCN,
                    placement: row.8, brandColor: row.11.flatMap { try? BrandColor($0) },
                    logo: logo(contentType: row.12, version: row.13), createdAt: row.9, updatedAt: row.10))
        }
        return tenants
    }

    private static func logo(contentType: String?, version: String?) -> TenantLogo? {
        guard let contentType, let version else { return nil }
        return TenantLogo(contentType: contentType, version: version)
    }
}
