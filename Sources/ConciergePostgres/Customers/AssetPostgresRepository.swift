import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// Assets and devices of one tenant. Dates travel as `YYYY-MM-DD` text, cast to and from
/// `date` in SQL, so no time zone ever shifts them.
struct AssetPostgresRepository: AssetRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    static let columns = """
        id, serial_number, model, organization_id, customer_id, region, to_char(installed_on, 'YYYY-MM-DD'),
        to_char(warranty_ends_on, 'YYYY-MM-DD'), attributes::text, created_at, updated_at
        """

    func insert(_ asset: Asset) async throws {
        try await translatingConstraintErrors(
            conflict: "serial_number_taken", "serial_number is registered to another asset", missing: "customer"
        ) {
            try await connection.query(
                """
                INSERT INTO assets (tenant_id, id, serial_number, model, organization_id, customer_id, region,
                    installed_on, warranty_ends_on, attributes, created_at, updated_at)
                VALUES (\(tenantID.rawValue), \(asset.id.rawValue), \(asset.serialNumber), \(asset.model),
                    \(asset.organizationID?.rawValue), \(asset.customerID?.rawValue), \(asset.region),
                    \(asset.installedOn)::date, \(asset.warrantyEndsOn)::date, \(TicketRow.json(asset.attributes))::jsonb,
                    \(asset.createdAt), \(asset.updatedAt))
                """, logger: logger)
        }
    }

    func find(id: AssetID) async throws -> Asset? {
        try await fetch(
            "SELECT \(unescaped: Self.columns) FROM assets WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue)"
        ).first
    }

    func find(serialNumber: String) async throws -> Asset? {
        try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM assets
            WHERE tenant_id = \(tenantID.rawValue) AND serial_number = \(serialNumber)
            """
        ).first
    }

    func list(_ query: AssetQuery) async throws -> ListPage<Asset> {
        let after = try KeysetCursor(query.cursor)
        let customer = query.customerID?.rawValue
        let organization = query.organizationID?.rawValue
        let assets = try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM assets
            WHERE tenant_id = \(tenantID.rawValue)
              AND (\(query.serialNumber)::text IS NULL OR serial_number = \(query.serialNumber))
              AND (\(customer)::uuid IS NULL OR customer_id = \(customer))
              AND (\(organization)::uuid IS NULL OR organization_id = \(organization))
              AND (\(after?.value)::text IS NULL OR serial_number > \(after?.value)
                   OR (serial_number = \(after?.value) AND id > \(after?.id)))
            ORDER BY serial_number, id
            LIMIT \(query.limit + 1)
            """)
        let page = Array(assets.prefix(query.limit))
        let next =
            assets.count > query.limit
            ? page.last.map { KeysetCursor(value: $0.serialNumber, id: $0.id.rawValue).encoded } : nil
        return ListPage(items: page, nextCursor: next)
    }

    func update(_ asset: Asset) async throws {
        try await translatingConstraintErrors(
            conflict: "serial_number_taken", "serial_number is registered to another asset", missing: "customer"
        ) {
            try await connection.query(
                """
                UPDATE assets SET serial_number = \(asset.serialNumber), model = \(asset.model),
                    organization_id = \(asset.organizationID?.rawValue), customer_id = \(asset.customerID?.rawValue),
                    region = \(asset.region), installed_on = \(asset.installedOn)::date,
                    warranty_ends_on = \(asset.warrantyEndsOn)::date,
                    attributes = \(TicketRow.json(asset.attributes))::jsonb, updated_at = \(asset.updatedAt)
                WHERE tenant_id = \(tenantID.rawValue) AND id = \(asset.id.rawValue)
                """, logger: logger)
        }
    }

    func delete(id: AssetID) async throws -> Bool {
        let rows = try await connection.query(
            "DELETE FROM assets WHERE tenant_id = \(tenantID.rawValue) AND id = \(id.rawValue) RETURNING id",
            logger: logger
        ).collect()
        return !rows.isEmpty
    }

    func reassignCustomer(from source: CustomerID, to target: CustomerID, at date: Date) async throws -> Int {
        let rows = try await connection.query(
            """
            UPDATE assets SET customer_id = \(target.rawValue), updated_at = \(date)
            WHERE tenant_id = \(tenantID.rawValue) AND customer_id = \(source.rawValue)
            RETURNING id
            """, logger: logger)
        return try await rows.collect().count
    }

    func related(to customer: CustomerID, organization: OrganizationID?, limit: Int) async throws -> [Asset] {
        try await fetch(
            """
            SELECT \(unescaped: Self.columns) FROM assets
            WHERE tenant_id = \(tenantID.rawValue)
              AND (customer_id = \(customer.rawValue)
                   OR (customer_id IS NULL AND organization_id = \(organization?.rawValue)))
            ORDER BY serial_number, id
            LIMIT \(limit)
            """)
    }

    private func fetch(_ query: PostgresQuery) async throws -> [Asset] {
        var assets: [Asset] = []
        let rows = try await connection.query(query, logger: logger)
        for try await row in rows.decode(
            (UUID, String, String, UUID?, UUID?, String, String?, String?, String, Date, Date).self)
        {
            assets.append(
                Asset(
                    id: AssetID(row.0), tenantID: tenantID, serialNumber: row.1, model: row.2,
                    organizationID: row.3.map(OrganizationID.init), customerID: row.4.map(CustomerID.init),
                    region: row.5,
                    installedOn: row.6, warrantyEndsOn: row.7,
                    attributes: (try? JSONDecoder().decode([String: JSONValue].self, from: Data(row.8.utf8))) ?? [:],
                    createdAt: row.9, updatedAt: row.10))
        }
        return assets
    }
}
