import ConciergeDomain
import Foundation

/// `diagnostics.probe`: an end-to-end check of the job pipeline. It waits `hold_ms`
/// (simulating work), then records one completion row per job id — exactly once, however
/// often the job is delivered. `concierge queue probe` and the worker-crash test use it.
public struct ProbeJob: JobHandler {
    public static let jobName = "diagnostics.probe"
    public var name: String { Self.jobName }

    let store: any TenantStore

    public init(store: any TenantStore) { self.store = store }

    /// A probe job for `tenant` that holds its worker for `hold`.
    public static func make(tenant: TenantID, hold: Duration) -> Job {
        let millis = hold.nanoseconds / 1_000_000
        return Job(name: jobName, tenantID: tenant, payload: #"{"hold_ms":\#(millis)}"#, maxAttempts: 5)
    }

    public func handle(_ lease: LeasedJob, context: JobContext) async throws {
        guard let payload = try? JSONDecoder().decode(Payload.self, from: Data(lease.job.payload.utf8)) else {
            throw JobFailure.permanent("payload is not a probe payload")
        }
        let hold = min(max(payload.holdMilliseconds ?? 0, 0), 600_000)
        if hold > 0 { try await Task.sleep(for: .milliseconds(hold)) }
        let worker = context.workerID
        let attempt = lease.attempt
        let jobID = lease.job.id
        try await store.runOnce(lease, handler: name) { tx in
            try await tx.probes.insert(jobID: jobID, worker: worker, attempt: attempt)
        }
    }

    /// The job's JSON payload.
    struct Payload: Decodable {
        var holdMilliseconds: Int?

        enum CodingKeys: String, CodingKey {
            case holdMilliseconds = "hold_ms"
        }
    }
}
