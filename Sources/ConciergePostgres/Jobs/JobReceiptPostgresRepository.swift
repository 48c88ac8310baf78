import ConciergeCore
import ConciergeDomain
import Logging
import PostgresNIO

/// The idempotency ledger of one tenant.
struct JobReceiptPostgresRepository: JobReceiptRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func record(jobID: String, handler: String) async throws -> Bool {
        let rows = try await connection.query(
            """
            INSERT INTO processed_jobs (tenant_id, job_id, handler) VALUES (\(tenantID.rawValue), \(jobID), \(handler))
            ON CONFLICT DO NOTHING RETURNING 1
            """, logger: logger
        ).collect()
        return !rows.isEmpty
    }

    func contains(jobID: String, handler: String) async throws -> Bool {
        let rows = try await connection.query(
            """
            SELECT 1 FROM processed_jobs
            WHERE tenant_id = \(tenantID.rawValue) AND job_id = \(jobID) AND handler = \(handler)
            """, logger: logger
        ).collect()
        return !rows.isEmpty
    }
}
