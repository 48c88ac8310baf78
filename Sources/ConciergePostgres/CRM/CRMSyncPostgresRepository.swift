import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// `crm_sync_state`, `crm_sync_runs` and `contracts` of one tenant.
struct CRMSyncPostgresRepository: CRMSyncRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func states(of connector: ConnectorID) async throws -> [CRMSyncState] {
        let rows = try await connection.query(
            """
            SELECT kind, updated_since, page_cursor, run_high_water, run_started_at, last_success_at, last_error,
                last_error_at, records_synced
            FROM crm_sync_state WHERE tenant_id = \(tenantID.rawValue) AND connector_id = \(connector.rawValue)
            ORDER BY kind
            """, logger: logger)
        var states: [CRMSyncState] = []
        for try await row in rows.decode(
            (String, Date?, String?, Date?, Date?, Date?, String?, Date?, Int64).self)
        {
            states.append(
                CRMSyncState(
                    kind: row.0, updatedSince: row.1, pageCursor: row.2, runHighWater: row.3, runStartedAt: row.4,
                    lastSuccessAt: row.5, lastError: row.6, lastErrorAt: row.7, recordsSynced: row.8))
        }
        return states
    }

    func save(_ state: CRMSyncState, of connector: ConnectorID) async throws {
        try await connection.query(
            """
            INSERT INTO crm_sync_state (tenant_id, connector_id, kind, updated_since, page_cursor, run_high_water,
                run_started_at, last_success_at, last_error, last_error_at, records_synced)
            VALUES (\(tenantID.rawValue), \(connector.rawValue), \(state.kind), \(state.updatedSince),
                \(state.pageCursor), \(state.runHighWater), \(state.runStartedAt), \(state.lastSuccessAt),
                \(state.lastError), \(state.lastErrorAt), \(state.recordsSynced))
            ON CONFLICT (tenant_id, connector_id, kind) DO UPDATE SET updated_since = EXCLUDED.updated_since,
                page_cursor = EXCLUDED.page_cursor, run_high_water = EXCLUDED.run_high_water,
                run_started_at = EXCLUDED.run_started_at, last_success_at = EXCLUDED.last_success_at,
                last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at,
                records_synced = EXCLUDED.records_synced
            """, logger: logger)
    }

    func schedule(_ connector: ConnectorID, next: Date, ranAt: Date?) async throws {
        try await connection.query(
            """
            INSERT INTO crm_sync_runs (tenant_id, connector_id, next_run_at, last_run_at)
            VALUES (\(tenantID.rawValue), \(connector.rawValue), \(next), \(ranAt))
            ON CONFLICT (tenant_id, connector_id) DO UPDATE SET next_run_at = EXCLUDED.next_run_at,
                last_run_at = coalesce(EXCLUDED.last_run_at, crm_sync_runs.last_run_at)
            """, logger: logger)
    }

    func nextRun(of connector: ConnectorID) async throws -> Date? {
        let rows = try await connection.query(
            """
            SELECT next_run_at FROM crm_sync_runs
            WHERE tenant_id = \(tenantID.rawValue) AND connector_id = \(connector.rawValue)
            """, logger: logger)
        for try await next in rows.decode(Date.self) { return next }
        return nil
    }

    static let contractColumns = """
        id, connector_id, external_id, number, name, status, organization_id, customer_id, starts_at, ends_at,
        attributes::text, external_updated_at, created_at, updated_at
        """

    func contract(externalID: String, connector: ConnectorID) async throws -> Contract? {
        try await contracts(
            """
            SELECT \(unescaped: Self.contractColumns) FROM contracts
            WHERE tenant_id = \(tenantID.rawValue) AND connector_id = \(connector.rawValue)
              AND external_id = \(externalID)
            """
        ).first
    }

    func save(_ contract: Contract) async throws {
        try await connection.query(
            """
            INSERT INTO contracts (tenant_id, id, connector_id, external_id, number, name, status, organization_id,
                customer_id, starts_at, ends_at, attributes, external_updated_at, created_at, updated_at)
            VALUES (\(tenantID.rawValue), \(contract.id), \(contract.connectorID.rawValue), \(contract.externalID),
                \(contract.number), \(contract.name), \(contract.status), \(contract.organizationID?.rawValue),
                \(contract.customerID?.rawValue), \(contract.startsAt), \(contract.endsAt),
                \(TicketRow.json(contract.attributes))::jsonb, \(contract.externalUpdatedAt), \(contract.createdAt),
                \(contract.updatedAt))
            ON CONFLICT (tenant_id, connector_id, external_id) DO UPDATE SET number = EXCLUDED.number,
                name = EXCLUDED.name, status = EXCLUDED.status, organization_id = EXCLUDED.organization_id,
                customer_id = EXCLUDED.customer_id, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
                attributes = EXCLUDED.attributes, external_updated_at = EXCLUDED.external_updated_at,
                updated_at = EXCLUDED.updated_at
            """, logger: logger)
    }

    func contracts(customer: CustomerID?, organization: OrganizationID?, limit: Int) async throws -> [Contract] {
        guard customer != nil || organization != nil else { return [] }
        return try await contracts(
            """
            SELECT \(unescaped: Self.contractColumns) FROM contracts
            WHERE tenant_id = \(tenantID.rawValue)
              AND (customer_id = \(customer?.rawValue) OR organization_id = \(organization?.rawValue))
            ORDER BY ends_at DESC NULLS FIRST, number, id
            LIMIT \(limit)
            """)
    }

    private func contracts(_ query: PostgresQuery) async throws -> [Contract] {
        let rows = try await connection.query(query, logger: logger)
        var result: [Contract] = []
        for try await row in rows.decode(
            (UUID, UUID, String, String, String?, String?, UUID?, UUID?, Date?, Date?, String, Date?, Date, Date).self)
        {
            result.append(
                Contract(
                    id: row.0, tenantID: tenantID, connectorID: ConnectorID(row.1), externalID: row.2, number: row.3,
                    name: row.4, status: row.5, organizationID: row.6.map(OrganizationID.init),
                    customerID: row.7.map(CustomerID.init), startsAt: row.8, endsAt: row.9,
                    attributes: (try? JSONDecoder().decode([String: JSONValue].self, from: Data(row.10.utf8))) ?? [:],
                    externalUpdatedAt: row.11, createdAt: row.12,
                    updatedAt: row.13))
        }
        return result
    }
}

/// The crm connectors that are due, across tenants, through `due_crm_syncs()` (owner's rights;
/// each sync runs under its tenant).
public struct CRMSyncPostgresDirectory: CRMSyncDirectory {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func dueSyncs(at date: Date) async throws -> [(TenantID, ConnectorID)] {
        let rows = try await client.query(
            "SELECT tenant_id, connector_id FROM due_crm_syncs(\(date))", logger: logger)
        var result: [(TenantID, ConnectorID)] = []
        for try await (tenant, connector) in rows.decode((UUID, UUID).self) {
            result.append((TenantID(tenant), ConnectorID(connector)))
        }
        return result
    }
}
