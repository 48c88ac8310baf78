/// The idempotency ledger: a handler records the job id in the same transaction as its
/// effect, so a re-delivered job (at-least-once queue) has no second effect.
public protocol JobReceiptRepository: Sendable {
    /// Records `jobID`. - Returns: `false` when it was already recorded (skip the effect).
    func record(jobID: String, handler: String) async throws -> Bool
    /// Whether `jobID` was recorded for `handler` (for effects outside the database, which
    /// cannot share the ledger's transaction).
    func contains(jobID: String, handler: String) async throws -> Bool
}

/// Rows written by the `diagnostics.probe` job, the end-to-end check of the worker fleet.
public protocol ProbeRepository: Sendable {
    func insert(jobID: String, worker: String, attempt: Int) async throws
    /// Completions of `jobID` (exactly one once the probe ran, however often it was delivered).
    func completions(of jobID: String) async throws -> [ProbeCompletion]
}

/// One recorded probe effect.
public struct ProbeCompletion: Sendable, Equatable {
    public var jobID: String
    public var worker: String
    public var attempt: Int

    public init(jobID: String, worker: String, attempt: Int) {
        self.jobID = jobID
        self.worker = worker
        self.attempt = attempt
    }
}
