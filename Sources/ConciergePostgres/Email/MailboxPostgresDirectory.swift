import ConciergeCore
import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// The mailboxes of all tenants through `polled_mailboxes()` and `mailbox_for_address()`
/// (owner's rights; everything after the lookup runs under the mailbox's tenant).
public struct MailboxPostgresDirectory: MailboxDirectory {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func polledMailboxes() async throws -> [(TenantID, ConnectorID)] {
        let rows = try await client.query("SELECT tenant_id, connector_id FROM polled_mailboxes()", logger: logger)
        var result: [(TenantID, ConnectorID)] = []
        for try await (tenant, connector) in rows.decode((UUID, UUID).self) {
            result.append((TenantID(tenant), ConnectorID(connector)))
        }
        return result
    }

    public func mailbox(for address: String) async throws -> (TenantID, ConnectorID)? {
        let rows = try await client.query(
            "SELECT tenant_id, connector_id FROM mailbox_for_address(\(address))", logger: logger)
        for try await (tenant, connector) in rows.decode((UUID, UUID).self) {
            return (TenantID(tenant), ConnectorID(connector))
        }
        return nil
    }
}
