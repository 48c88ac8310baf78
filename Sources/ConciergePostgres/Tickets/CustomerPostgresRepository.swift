import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Customers of one tenant and their email/phone identities.
struct CustomerPostgresRepository: CustomerRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        id, name, emails, phones, external_ids::text, tier, tags, locale, organization_id, attributes::text, created_at, updated_at
        """

    func insert(_ customer: Customer) async throws {
        try await connection.query(
            """
            INSERT INTO customers (tenant_id, id, name, emails, phones, external_ids, tier, tags, locale, organization_id,
                attributes, created_at, updated_at)
            VALUES (\(tenantID.rawValue), \(customer.id.rawValue), \(customer.name), \(customer.emails), \(customer.phones),
                \(Self.json(customer.externalIDs))::jsonb, \(customer.tier), \(customer.tags), \(customer.locale?.rawValue),
                \(customer.organizationID?.rawValue), \(TicketRow.json(customer.attributes))::jsonb, \(customer.createdAt),
                \(customer.updatedAt))
            """, logger: logger)
    }

    func find(id: CustomerID) async throws -> Customer? {
        try await fetch(
            "SELECT \(unescaped: Self.columns) FROM customers WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)"
        ).first
    }

    func find(ids: [CustomerID]) async throws -> [Customer] {
        guard !ids.isEmpty else { return [] }
        return try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM customers
            WHERE tenant_id = \(tenantID.rawValue) AND id = ANY(\(ids.map(\.rawValue))::uuid[])
            """)
    }

    func find(externalID: String, system: String) async throws -> Customer? {
        try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM customers
            WHERE tenant_id = \(tenantID.rawValue) AND external_ids @> \(Self.json([system: externalID]))::jsonb
            ORDER BY created_at, id LIMIT 1
            """
        ).first
    }

    func find(identity kind: CustomerIdentityKind, value: String) async throws -> Customer? {
        try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM customers WHERE tenant_id = \(tenantID.rawValue) AND id = (
                SELECT customer_id FROM customer_identities
                WHERE tenant_id = \(tenantID.rawValue) AND kind = \(kind.rawValue) AND value = \(value))
            """
        ).first
    }

    func claim(identity kind: CustomerIdentityKind, value: String, for customer: CustomerID) async throws -> CustomerID
    {
        let rows = try await connection.query(
            """
            WITH claimed AS (
                INSERT INTO customer_identities (tenant_id, kind, value, customer_id)
                VALUES (\(tenantID.rawValue), \(kind.rawValue), \(value), \(customer.rawValue))
                ON CONFLICT DO NOTHING RETURNING customer_id)
            SELECT customer_id FROM claimed
            UNION ALL
            SELECT customer_id FROM customer_identities
            WHERE tenant_id = \(tenantID.rawValue) AND kind = \(kind.rawValue) AND value = \(value) AND NOT EXISTS (SELECT 1 FROM claimed)
            """, logger: logger)
        for try await owner in rows.decode(UUID.self) { return CustomerID(owner) }
        throw AppError(
            .conflict, code: "identity_conflict", message: "the \(kind.rawValue) is being claimed concurrently; retry")
    }

    func update(_ customer: Customer) async throws {
        try await connection.query(
            """
            UPDATE customers SET name = \(customer.name), emails = \(customer.emails), phones = \(customer.phones),
                external_ids = \(Self.json(customer.externalIDs))::jsonb, tier = \(customer.tier), tags = \(customer.tags),
                locale = \(customer.locale?.rawValue), organization_id = \(customer.organizationID?.rawValue),
                attributes = \(TicketRow.json(customer.attributes))::jsonb, updated_at = \(customer.updatedAt)
            WHERE tenant_id = \(tenantID.rawValue) AND id = \(customer.id.rawValue)
            """, logger: logger)
    }

    func delete(id: CustomerID) async throws {
        try await connection.query(
            "DELETE FROM customers WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)", logger: logger)
    }

    func organization(forDomain domain: String) async throws -> OrganizationID? {
        let rows = try await connection.query(
            "SELECT organization_id FROM organization_domains WHERE tenant_id = \(tenantID.rawValue) AND domain = \(domain.lowercased())",
            logger: logger)
        for try await id in rows.decode(UUID.self) { return OrganizationID(id) }
        return nil
    }

    func fetch(_ query: PostgresQuery) async throws -> [Customer] {
        var customers: [Customer] = []
        let rows = try await connection.query(query, logger: logger)
        for try await row in rows.decode(
            (UUID, String, [String], [String], String, String, [String], String?, UUID?, String, Date, Date).self)
        {
            customers.append(
                Customer(
                    id: CustomerID(row.0), tenantID: tenantID, name: row.1, emails: row.2, phones: row.3,
                    externalIDs: (try? JSONDecoder().decode([String: String].self, from: Data(row.4.utf8))) ?? [:],
                    tier: row.5,
                    tags: row.6, locale: row.7.flatMap(Tenant.Locale.init(rawValue:)),
                    organizationID: row.8.map(OrganizationID.init),
                    attributes: (try? JSONDecoder().decode([String: JSONValue].self, from: Data(row.9.utf8))) ?? [:],
                    createdAt: row.10, updatedAt: row.11))
        }
        return customers
    }

    static func json(_ values: [String: String]) -> String {
        TicketRow.json(values.mapValues(JSONValue.string))
    }
}
