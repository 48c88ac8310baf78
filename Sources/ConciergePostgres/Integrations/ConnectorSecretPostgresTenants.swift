import ConciergeDomain
import Foundation
import Logging
import PostgresNIO

/// The tenants whose connector secrets are sealed under another key than the ring's current
/// one, through `connector_secret_tenants()` (owner's rights; the re-sealing runs per tenant).
public struct ConnectorSecretPostgresTenants: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func needingReseal(currentKey: String) async throws -> [TenantID] {
        let rows = try await client.query(
            "SELECT tenant_id FROM connector_secret_tenants(\(currentKey))", logger: logger)
        var tenants: [TenantID] = []
        for try await id in rows.decode(UUID.self) { tenants.append(TenantID(id)) }
        return tenants
    }
}
