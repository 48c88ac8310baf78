import ConciergeDomain
import Logging

/// Runs one kind of job, selected by ``name``. Handlers must be idempotent: the queue
/// delivers at least once (use ``TenantStore/runOnce(_:handler:_:)`` for effects).
public protocol JobHandler: Sendable {
    /// The stable dotted job name this handler serves (`diagnostics.probe`).
    var name: String { get }
    /// Does the work. Throw ``JobFailure/permanent(_:)`` for input that can never succeed;
    /// any other error is retried with backoff.
    func handle(_ lease: LeasedJob, context: JobContext) async throws
}

/// What a handler knows about where it runs.
public struct JobContext: Sendable {
    /// Identifies the worker process (`host:pid`), recorded by diagnostics.
    public var workerID: String
    /// Carries `job_id`, `job_name`, `queue` and `tenant_id` metadata.
    public var logger: Logger

    public init(workerID: String, logger: Logger) {
        self.workerID = workerID
        self.logger = logger
    }
}

/// How a job failed, deciding retry or dead-letter.
public enum JobFailure: Error, Sendable, Equatable {
    /// Try again later (network blip, lock timeout).
    case retryable(String)
    /// Never succeeds (bad payload, unknown tenant): dead-letter at once.
    case permanent(String)
}

extension TenantStore {
    /// Runs `body` in a tenant transaction only if `lease`'s job id has not been recorded by
    /// `handler` before; records it in the same transaction.
    /// - Returns: `false` when the job had already taken effect (a re-delivery).
    @discardableResult
    public func runOnce(
        _ lease: LeasedJob, handler: String, _ body: @Sendable (any TenantTransaction) async throws -> Void
    ) async throws -> Bool {
        guard let tenant = lease.job.tenantID else { throw JobFailure.permanent("job has no tenant") }
        return try await transaction(tenant) { tx in
            guard try await tx.jobReceipts.record(jobID: lease.job.id, handler: handler) else { return false }
            try await body(tx)
            return true
        }
    }
}
