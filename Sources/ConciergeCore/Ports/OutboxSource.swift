import ConciergeDomain
import Foundation

/// The relay's cross-tenant view of the outbox (a narrow, privileged function set in Postgres:
/// the relay never reads tenant tables directly).
public protocol OutboxSource: Sendable {
    /// Claims up to `limit` unpublished rows, oldest first, and runs `publish` on them; rows
    /// whose ids `publish` returns are marked published when it returns. A crash in between
    /// publishes them again later, which consumers absorb by job id.
    func relay(limit: Int, _ publish: @Sendable ([PendingOutboxRow]) async throws -> [Int64]) async throws -> Int
    /// Deletes published rows older than `age`. - Returns: how many.
    func purgePublished(olderThan age: Duration) async throws -> Int
}

/// An unpublished outbox row.
public struct PendingOutboxRow: Sendable, Equatable {
    public var id: Int64
    public var tenantID: TenantID
    public var queue: String
    public var job: Job

    public init(id: Int64, tenantID: TenantID, queue: String, job: Job) {
        self.id = id
        self.tenantID = tenantID
        self.queue = queue
        self.job = job
    }
}
