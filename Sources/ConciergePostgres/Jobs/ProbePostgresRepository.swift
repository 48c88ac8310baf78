import ConciergeCore
import ConciergeDomain
import Logging
import PostgresNIO

/// Probe completions of one tenant.
struct ProbePostgresRepository: ProbeRepository {
    let tenantID: TenantID
    let connection: PostgresConnection
    let logger: Logger

    func insert(jobID: String, worker: String, attempt: Int) async throws {
        try await connection.query(
            """
            INSERT INTO diagnostic_probes (tenant_id, job_id, worker, attempt)
            VALUES (\(tenantID.rawValue), \(jobID), \(worker), \(attempt))
            """, logger: logger)
    }

    func completions(of jobID: String) async throws -> [ProbeCompletion] {
        let rows = try await connection.query(
            """
            SELECT job_id, worker, attempt::int8 FROM diagnostic_probes
            WHERE tenant_id = \(tenantID.rawValue) AND job_id = \(jobID) ORDER BY completed_at
            """, logger: logger)
        var result: [ProbeCompletion] = []
        for try await (job, worker, attempt) in rows.decode((String, String, Int64).self) {
            result.append(ProbeCompletion(jobID: job, worker: worker, attempt: Int(attempt)))
        }
        return result
    }
}
