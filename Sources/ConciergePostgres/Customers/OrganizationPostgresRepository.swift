import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Customer organizations of one tenant. Domains live twice: as the `domains` array that is
/// read with the row, and in `organization_domains`, whose key makes each domain belong to
/// one organization and answers auto-association lookups.
struct OrganizationPostgresRepository: OrganizationRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    static let columns = "id, name, domains, tier, external_ids::text, notes, created_at, updated_at"

    func insert(_ organization: Organization) async throws {
        try await connection.query(
            """
            INSERT INTO organizations (tenant_id, id, name, domains, tier, external_ids, notes, created_at, updated_at)
            VALUES (\(tenantID.rawValue), \(organization.id.rawValue), \(organization.name), \(organization.domains),
                \(organization.tier), \(CustomerPostgresRepository.json(organization.externalIDs))::jsonb,
                \(organization.notes), \(organization.createdAt), \(organization.updatedAt))
            """, logger: logger)
        try await claim(organization.domains, for: organization.id)
    }

    func find(id: OrganizationID) async throws -> Organization? {
        try await fetch(
            "SELECT \(unescaped: Self.columns) FROM organizations WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)"
        ).first
    }

    func find(externalID: String, system: String) async throws -> Organization? {
        try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM organizations
            WHERE tenant_id = \(tenantID.rawValue)
              AND external_ids @> \(CustomerPostgresRepository.json([system: externalID]))::jsonb
            ORDER BY created_at, id LIMIT 1
            """
        ).first
    }

    func list(_ query: OrganizationQuery) async throws -> ListPage<Organization> {
        let after = try KeysetCursor(query.cursor)
        let text = query.text?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let pattern = text.flatMap { $0.isEmpty ? nil : LikePattern.prefix($0) }
        let organizations = try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM organizations
            WHERE tenant_id = \(tenantID.rawValue)
              AND (\(pattern)::text IS NULL OR lower(name) LIKE \(pattern) OR \(text) = ANY(domains))
              AND (\(after?.value)::text IS NULL OR name COLLATE zh_pinyin > \(after?.value)
                   OR (name = \(after?.value) AND id > \(after?.id)))
            ORDER BY name COLLATE zh_pinyin, id
            LIMIT \(query.limit + 1)
            """)
        let page = Array(organizations.prefix(query.limit))
        let next =
            organizations.count > query.limit
            ? page.last.map { KeysetCursor(value: $0.name, id: $0.id.rawValue).encoded } : nil
        return ListPage(items: page, nextCursor: next)
    }

    func update(_ organization: Organization) async throws {
        try await connection.query(
            """
            UPDATE organizations SET name = \(organization.name), domains = \(organization.domains),
                tier = \(organization.tier),
                external_ids = \(CustomerPostgresRepository.json(organization.externalIDs))::jsonb,
                notes = \(organization.notes), updated_at = \(organization.updatedAt)
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(organization.id.rawValue)
            """, logger: logger)
        try await connection.query(
            """
            DELETE FROM organization_domains
            WHERE tenant_id = \(tenantID.rawValue) AND organization_id = \(organization.id.rawValue)
              AND NOT (domain = ANY(\(organization.domains)::text[]))
            """, logger: logger)
        try await claim(organization.domains, for: organization.id)
    }

    func delete(id: OrganizationID) async throws -> Bool {
        let rows = try await connection.query(
            "DELETE FROM organizations WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue) RETURNING id",
            logger: logger
        ).collect()
        return !rows.isEmpty
    }

    /// Records `domains` as the organization's; those it owns already are kept, one another
    /// organization owns is a unique violation (409 `domain_taken`).
    private func claim(_ domains: [String], for organization: OrganizationID) async throws {
        guard !domains.isEmpty else { return }
        try await translatingConstraintErrors(conflict: "domain_taken", "a domain belongs to another organization") {
            try await connection.query(
                """
                INSERT INTO organization_domains (tenant_id, domain, organization_id)
                SELECT \(tenantID.rawValue), d, \(organization.rawValue) FROM unnest(\(domains)::text[]) AS d
                WHERE NOT EXISTS (
                    SELECT 1 FROM organization_domains o
                    WHERE o.tenant_id = \(tenantID.rawValue) AND o.domain = d AND o.organization_id = \(organization.rawValue))
                """, logger: logger)
        }
    }

    private func fetch(_ query: PostgresQuery) async throws -> [Organization] {
        var organizations: [Organization] = []
        let rows = try await connection.query(query, logger: logger)
        for try await row in rows.decode((UUID, String, [String], String, String, String, Date, Date).self) {
            organizations.append(
                Organization(
                    id: OrganizationID(row.0), tenantID: tenantID, name: row.1, domains: row.2, tier: row.3,
                    externalIDs: (try? JSONDecoder().decode([String: String].self, from: Data(row.4.utf8))) ?? [:],
                    notes: row.5, createdAt: row.6, updatedAt: row.7))
        }
        return organizations
    }
}
