import ConciergeDomain
import Foundation

/// `sla.recompute`: after a tenant's SLA policies or calendars change, recomputes the clocks
/// of all its unsolved tickets (oldest id first, a page per transaction), so targets follow
/// the new rules without waiting for each ticket's next change. Recomputing is idempotent; a
/// redelivered or repeated job only repeats work.
public struct SLARecomputeJob: JobHandler {
    public static let jobName = "sla.recompute"
    public var name: String { Self.jobName }
    static let page = 500

    let store: any TenantStore
    let tracker: SLATracker

    public init(store: any TenantStore, tracker: SLATracker) {
        self.store = store
        self.tracker = tracker
    }

    /// The outbox message that schedules a recomputation for `tenant`.
    static func message(tenant: TenantID, eventID: EventID) -> OutboxMessage {
        OutboxMessage(queue: "default", job: Job(id: "sla-recompute-\(eventID)", name: jobName, tenantID: tenant))
    }

    public func handle(_ lease: LeasedJob, context: JobContext) async throws {
        guard let tenant = lease.job.tenantID else { throw JobFailure.permanent("sla.recompute needs a tenant") }
        var cursor: TicketID?
        repeat {
            let after = cursor
            let ids = try await store.transaction(tenant) { tx in
                try await tx.rules.unsolvedTickets(after: after, limit: Self.page).map(\.id)
            }
            for id in ids { try await tracker.refresh(id, tenant: tenant) }
            cursor = ids.count == Self.page ? ids.last : nil
        } while cursor != nil
    }
}
