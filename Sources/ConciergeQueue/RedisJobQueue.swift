import ConciergeCore
import ConciergeDomain
import Foundation
import Logging

/// ``JobQueue`` on Redis: named queues with leases, retries, delayed jobs, a dead-letter set
/// and round-robin fairness across tenants.
///
/// Each state change is one Lua script (``JobQueueScripts``), so concurrent workers, schedulers
/// and replicas never see a job half moved. All keys of a queue share one Cluster hash tag
/// (``RedisQueueKeys``). Time comes from the injected clock rather than Redis' own, so every
/// replica and test agrees on it as long as hosts keep their clocks in sync.
///
/// Delayed jobs are promoted and expired leases reclaimed by ``dequeue(from:visibilityTimeout:)``
/// itself, in batches of ``maintenanceBatch``, so nothing else needs to run for a queue to make
/// progress.
public struct RedisJobQueue: JobQueue {
    /// Tenant key for platform jobs (`tenantID == nil`); never a valid UUID, so it cannot clash.
    public static let platformTenantKey = "_platform"
    /// Failure messages are cut to this many characters so one handler's huge stack traces
    /// cannot bloat Redis.
    static let maximumErrorLength = 4096

    /// Namespace of every key, so several deployments (or tests) can share one Redis.
    public let keyPrefix: String
    /// Due delayed jobs and expired leases each dequeue moves at most; bounds script run time,
    /// during which Redis serves nobody else.
    public var maintenanceBatch = 100

    private let pool: RedisConnectionPool
    private let clock: @Sendable () -> Date
    private let logger: Logger

    /// - Parameters:
    ///   - pool: where commands run; share one pool across queue, rate limiter and probe.
    ///   - keyPrefix: first key segment (`cq`); must not contain `{` (see ``RedisQueueKeys``).
    ///   - clock: source of "now" for due times, visibility deadlines and ages.
    public init(
        pool: RedisConnectionPool, keyPrefix: String = "cq", clock: @escaping @Sendable () -> Date = Date.init,
        logger: Logger = Logger(label: "concierge.queue")
    ) {
        precondition(!keyPrefix.contains("{"), "a key prefix with '{' would steal the queue's hash tag")
        self.pool = pool
        self.keyPrefix = keyPrefix
        self.clock = clock
        self.logger = logger
    }

    /// Adds `job` to `queue`. Ids are unique per queue across ready, delayed, in-flight and
    /// dead jobs; only a completed job's id can be used again.
    /// - Returns: `false` when the id is already known (nothing changes).
    @discardableResult
    public func enqueue(_ job: Job, on queue: String, delay: Duration) async throws -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(job), as: UTF8.self)
        let now = clock().epochMilliseconds
        let due = delay > .zero ? now + delay.milliseconds : 0
        let tenant = job.tenantID?.description ?? Self.platformTenantKey
        let window = max(job.duplicateWindowSeconds ?? 0, 0) * 1000
        let registry = RedisQueueKeys.registry(prefix: keyPrefix)
        let arguments = [job.id, json, tenant, String(job.maxAttempts), String(due), String(window), registry, queue]
        let added = try await run(JobQueueScripts.enqueue, on: queue, now: now, arguments).integer == 1
        if !added {
            logger.debug("duplicate job ignored", metadata: metadata(of: job, queue: queue))
        }
        return added
    }

    /// Leases the next job round-robin across tenants, after promoting due delayed jobs and
    /// reclaiming expired leases. A job whose JSON no longer decodes (a renamed field, say) is
    /// dead-lettered at once and the next one is leased instead.
    public func dequeue(from queue: String, visibilityTimeout: Duration) async throws -> LeasedJob? {
        while true {
            let now = clock().epochMilliseconds
            let token = Self.leaseToken()
            let arguments = [String(now + visibilityTimeout.milliseconds), token, String(maintenanceBatch)]
            let reply = try await run(JobQueueScripts.dequeue, on: queue, now: now, arguments)
            guard let fields = reply.elements else { return nil }
            guard fields.count == 4, let id = fields[0].text, let json = fields[1].text,
                let attempt = fields[2].integer, let enqueuedAt = fields[3].integer
            else { throw RedisError.unexpectedReply("dequeue returned \(reply)") }
            do {
                let job = try JSONDecoder().decode(Job.self, from: Data(json.utf8))
                return LeasedJob(
                    job: job, queue: queue, attempt: attempt, leaseToken: token,
                    enqueuedAt: Date(epochMilliseconds: Int64(enqueuedAt)))
            } catch {
                logger.error("undecodable job dead-lettered", metadata: ["queue": "\(queue)", "job_id": "\(id)"])
                let failArguments = [id, token, "0", "0", "cannot decode job: \(error)"]
                _ = try await run(JobQueueScripts.fail, on: queue, now: now, failArguments)
            }
        }
    }

    /// Deletes the job if `lease` still owns it; a stale lease (the job was reclaimed and
    /// handed to another worker) changes nothing.
    public func complete(_ lease: LeasedJob) async throws {
        let now = clock().epochMilliseconds
        let reply = try await run(
            JobQueueScripts.complete, on: lease.queue, now: now, [lease.job.id, lease.leaseToken])
        if reply.integer != 1 {
            logger.info("completion with a stale lease ignored", metadata: metadata(of: lease.job, queue: lease.queue))
        }
    }

    /// Schedules a retry after `retryDelay` while attempts remain and `retryable` is true,
    /// dead-letters otherwise; ignored for a stale lease.
    public func fail(_ lease: LeasedJob, error: String, retryable: Bool, retryDelay: Duration) async throws {
        let now = clock().epochMilliseconds
        let arguments = [
            lease.job.id, lease.leaseToken, retryable ? "1" : "0", String(max(retryDelay.milliseconds, 0)),
            String(error.prefix(Self.maximumErrorLength)),
        ]
        let reply = try await run(JobQueueScripts.fail, on: lease.queue, now: now, arguments)
        var metadata = metadata(of: lease.job, queue: lease.queue)
        metadata["attempt"] = "\(lease.attempt)"
        switch reply.integer {
        case 1: logger.debug("job scheduled for retry", metadata: metadata)
        case 2: logger.warning("job dead-lettered", metadata: metadata)
        default: logger.info("failure with a stale lease ignored", metadata: metadata)
        }
    }

    /// Moves the lease's deadline to now + `visibilityTimeout` if the lease still owns the job.
    public func extend(_ lease: LeasedJob, visibilityTimeout: Duration) async throws -> Bool {
        let now = clock().epochMilliseconds
        let arguments = [lease.job.id, lease.leaseToken, String(now + visibilityTimeout.milliseconds)]
        return try await run(JobQueueScripts.extend, on: lease.queue, now: now, arguments).integer == 1
    }

    /// The newest dead jobs, newest first. A job whose JSON no longer decodes is left out (and
    /// logged) rather than hiding every other dead job behind one decoding error.
    public func deadLetters(in queue: String, limit: Int) async throws -> [DeadJob] {
        guard limit > 0 else { return [] }
        let reply = try await run(
            JobQueueScripts.deadLetters, on: queue, now: clock().epochMilliseconds, [String(limit)])
        guard let fields = reply.elements, fields.count % 4 == 0 else {
            throw RedisError.unexpectedReply("dead letters returned \(reply)")
        }
        let decoder = JSONDecoder()
        return try stride(from: 0, to: fields.count, by: 4).compactMap { index in
            guard let json = fields[index].text, let attempts = fields[index + 1].integer,
                let error = fields[index + 2].text, let diedAt = fields[index + 3].integer
            else { throw RedisError.unexpectedReply("dead letter \(fields[index..<index + 4])") }
            guard let job = try? decoder.decode(Job.self, from: Data(json.utf8)) else {
                logger.error("undecodable dead job skipped", metadata: ["queue": "\(queue)", "error": "\(error)"])
                return nil
            }
            return DeadJob(
                job: job, queue: queue, attempts: attempts, lastError: error,
                diedAt: Date(epochMilliseconds: Int64(diedAt)))
        }
    }

    /// Moves a dead job to the back of its tenant's ready list with attempts reset to 0.
    public func replay(jobID: String, in queue: String) async throws -> Bool {
        try await run(JobQueueScripts.replay, on: queue, now: clock().epochMilliseconds, [jobID]).integer == 1
    }

    /// Gauges and totals of `queue`; costs one list length per tenant that has ready jobs.
    public func stats(of queue: String) async throws -> QueueStats {
        let reply = try await run(JobQueueScripts.stats, on: queue, now: clock().epochMilliseconds, [])
        guard let numbers = reply.elements?.compactMap(\.integer), numbers.count == 9 else {
            throw RedisError.unexpectedReply("stats returned \(reply)")
        }
        return QueueStats(
            ready: numbers[0], delayed: numbers[1], inFlight: numbers[2], dead: numbers[3],
            enqueuedTotal: numbers[4], completedTotal: numbers[5], retriedTotal: numbers[6], deadTotal: numbers[7],
            oldestReadyAgeSeconds: Double(numbers[8]) / 1000)
    }

    /// Every queue name enqueued to under this prefix, sorted, so metrics can iterate them.
    public func queues() async throws -> [String] {
        let registry = RedisQueueKeys.registry(prefix: keyPrefix)
        let reply = try await pool.withConnection { connection in
            try connection.command(["SMEMBERS", registry]).checked()
        }
        guard let members = reply.elements else { throw RedisError.unexpectedReply("SMEMBERS returned \(reply)") }
        return members.compactMap(\.text).sorted()
    }

    // MARK: - Plumbing

    private func run(
        _ script: RedisScript, on queue: String, now: Int64, _ arguments: [String]
    ) async throws -> RedisReply {
        let keys = RedisQueueKeys(prefix: keyPrefix, queue: queue)
        return try await pool.withConnection { connection in
            try script.run(
                on: connection, keys: keys.scriptKeys, arguments: [keys.readyPrefix, String(now)] + arguments)
        }
    }

    private func metadata(of job: Job, queue: String) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["queue": "\(queue)", "job_id": "\(job.id)", "job": "\(job.name)"]
        if let tenantID = job.tenantID { metadata["tenant_id"] = "\(tenantID)" }
        return metadata
    }

    /// 128 random bits: unguessable, so only the worker holding the lease can settle the job.
    private static func leaseToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
