import ConciergeDomain
import Foundation
import Logging

/// The crm connectors of all tenants that are due (owner's view, for the scheduler).
public protocol CRMSyncDirectory: Sendable {
    /// Enabled `crm` connectors of active tenants never synced or whose next run is at or before `date`.
    func dueSyncs(at date: Date) async throws -> [(TenantID, ConnectorID)]
}

/// The scheduler's pass: queues a `crm.sync` job for every due crm connector and moves its next
/// run on by the connector's interval, so a slow run is not queued twice. The job's id names the
/// connector: while one is queued or running, queuing another changes nothing.
public struct CRMSyncTask: PeriodicTask {
    public let name = "crm.sync"
    public let interval: Duration
    let directory: any CRMSyncDirectory
    let store: any TenantStore
    let queue: any JobQueue
    let logger: Logger
    let now: @Sendable () -> Date

    public init(
        directory: any CRMSyncDirectory, store: any TenantStore, queue: any JobQueue, interval: Duration = .seconds(30),
        logger: Logger, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.directory = directory
        self.store = store
        self.queue = queue
        self.interval = interval
        self.logger = logger
        self.now = now
    }

    public func runOnce() async throws {
        let at = now()
        for (tenant, connector) in try await directory.dueSyncs(at: at) {
            do {
                try await CRMSyncJob.queue(connector, tenant: tenant, on: queue, store: store, at: at)
            } catch {
                logger.error(
                    "crm sync not queued",
                    metadata: ["tenant_id": "\(tenant)", "connector_id": "\(connector)", "error": "\(error)"])
            }
        }
    }
}

/// `crm.sync`: one run of a ``CRMSyncer`` for one connector. Safe to run twice: records are
/// upserted and the stored cursors say where to go on.
public struct CRMSyncJob: JobHandler {
    public static let jobName = "crm.sync"
    public var name: String { Self.jobName }
    let syncer: CRMSyncer

    public init(syncer: CRMSyncer) { self.syncer = syncer }

    struct Payload: Codable {
        var connectorID: String
        enum CodingKeys: String, CodingKey { case connectorID = "connector_id" }
    }

    /// Queues a run of `connector` on the connectors queue (nothing when one is queued already),
    /// and moves its next scheduled run a full interval on.
    static func queue(
        _ connector: ConnectorID, tenant: TenantID, on queue: any JobQueue, store: any TenantStore, at: Date
    ) async throws {
        try await store.transaction(tenant) { tx in
            let settings = try await tx.connectors.find(id: connector)?.connector.settings ?? [:]
            let minutes = settings["sync_interval_minutes"]?.wholeNumber ?? CRMSyncer.defaultIntervalMinutes
            try await tx.crmSync.schedule(
                connector, next: at.addingTimeInterval(TimeInterval(minutes * 60)), ranAt: nil)
        }
        let job = Job(
            id: "crm.sync.\(connector)", name: jobName, tenantID: tenant,
            payload: String(
                decoding: try JSONEncoder().encode(Payload(connectorID: connector.description)), as: UTF8.self),
            maxAttempts: 5)
        _ = try await queue.enqueue(job, on: ConnectorDeliverer.queue, delay: .zero)
    }

    public func handle(_ lease: LeasedJob, context: JobContext) async throws {
        guard let tenant = lease.job.tenantID,
            let payload = try? JSONDecoder().decode(Payload.self, from: Data(lease.job.payload.utf8)),
            let connector = ConnectorID(payload.connectorID)
        else { throw JobFailure.permanent("payload is not a crm sync") }
        do {
            try await syncer.sync(connector, tenant: tenant)
        } catch let error as AppError where error.category == .notFound {
            throw JobFailure.permanent("the crm connector is gone or disabled")
        }
    }
}
