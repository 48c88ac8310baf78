import ConciergeDomain
import Foundation

/// Reliable named job queues (implemented on Redis in `ConciergeQueue`).
///
/// Delivery is at least once: a leased job that is neither completed nor failed before its
/// visibility timeout is handed out again, so handlers must be idempotent (see
/// ``JobReceiptRepository``). Ready jobs are taken round-robin across tenants so that one
/// tenant's flood cannot starve the others.
public protocol JobQueue: Sendable {
    /// Adds `job` to `queue`, ready now or after `delay`.
    /// - Returns: `false` when a job with the same id is already queued (nothing changes).
    @discardableResult
    func enqueue(_ job: Job, on queue: String, delay: Duration) async throws -> Bool

    /// Leases the next ready job, or returns `nil` when none is ready.
    func dequeue(from queue: String, visibilityTimeout: Duration) async throws -> LeasedJob?

    /// Marks a leased job done and forgets it.
    func complete(_ lease: LeasedJob) async throws

    /// Records a failure: retried after `retryDelay` while attempts remain and `retryable`
    /// is true, dead-lettered otherwise.
    func fail(_ lease: LeasedJob, error: String, retryable: Bool, retryDelay: Duration) async throws

    /// Pushes the lease's visibility deadline out by `visibilityTimeout` from now.
    /// - Returns: `false` when the lease was lost (the job was handed to someone else).
    func extend(_ lease: LeasedJob, visibilityTimeout: Duration) async throws -> Bool

    /// The newest dead jobs of `queue`, at most `limit`.
    func deadLetters(in queue: String, limit: Int) async throws -> [DeadJob]

    /// Moves a dead job back to ready with its attempts reset.
    /// - Returns: `false` when no such dead job exists.
    func replay(jobID: String, in queue: String) async throws -> Bool

    /// Current counts for `queue`.
    func stats(of queue: String) async throws -> QueueStats
}
