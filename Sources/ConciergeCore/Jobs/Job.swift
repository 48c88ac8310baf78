import ConciergeDomain
import Foundation

/// A unit of background work: a stable dotted `name` that picks the handler, the tenant it
/// belongs to, and a JSON payload.
public struct Job: Sendable, Equatable, Codable {
    /// Unique id; re-enqueueing an id that is still queued is a no-op (outbox relays rely on it).
    public var id: String
    /// Stable handler name (`diagnostics.probe`); never renamed once shipped.
    public var name: String
    /// The tenant whose data the job touches; `nil` for platform jobs.
    public var tenantID: TenantID?
    /// UTF-8 JSON document.
    public var payload: String
    /// Deliveries allowed before the job goes to the dead-letter queue.
    public var maxAttempts: Int
    /// For this long after the job completes, enqueueing its id again is a no-op too: for jobs
    /// queued straight after a commit *and* by the outbox relay (the durable copy), so the
    /// relay's copy does not run the job a second time. `nil`: only while queued.
    public var duplicateWindowSeconds: Int?

    public init(
        id: String = UUID().uuidString.lowercased(), name: String, tenantID: TenantID?, payload: String = "{}",
        maxAttempts: Int = 8, duplicateWindowSeconds: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.tenantID = tenantID
        self.payload = payload
        self.maxAttempts = maxAttempts
        self.duplicateWindowSeconds = duplicateWindowSeconds
    }
}

/// A job handed to one worker until `visibleAgainAt`; after that it is handed out again.
public struct LeasedJob: Sendable, Equatable {
    public var job: Job
    public var queue: String
    /// Which delivery this is, counting from 1.
    public var attempt: Int
    /// Proves ownership: completing or failing with a stale lease is ignored.
    public var leaseToken: String
    public var enqueuedAt: Date

    public init(job: Job, queue: String, attempt: Int, leaseToken: String, enqueuedAt: Date) {
        self.job = job
        self.queue = queue
        self.attempt = attempt
        self.leaseToken = leaseToken
        self.enqueuedAt = enqueuedAt
    }
}

/// A job that used up its attempts or failed permanently, kept for inspection and replay.
public struct DeadJob: Sendable, Equatable {
    public var job: Job
    public var queue: String
    public var attempts: Int
    public var lastError: String
    public var diedAt: Date

    public init(job: Job, queue: String, attempts: Int, lastError: String, diedAt: Date) {
        self.job = job
        self.queue = queue
        self.attempts = attempts
        self.lastError = lastError
        self.diedAt = diedAt
    }
}

/// Counters and gauges of one queue, exported as metrics.
public struct QueueStats: Sendable, Equatable {
    public var ready: Int
    public var delayed: Int
    public var inFlight: Int
    public var dead: Int
    public var enqueuedTotal: Int
    public var completedTotal: Int
    public var retriedTotal: Int
    public var deadTotal: Int
    /// Seconds the oldest ready job has waited; 0 when none waits.
    public var oldestReadyAgeSeconds: Double

    public init(
        ready: Int, delayed: Int, inFlight: Int, dead: Int, enqueuedTotal: Int, completedTotal: Int, retriedTotal: Int,
        deadTotal: Int, oldestReadyAgeSeconds: Double
    ) {
        self.ready = ready
        self.delayed = delayed
        self.inFlight = inFlight
        self.dead = dead
        self.enqueuedTotal = enqueuedTotal
        self.completedTotal = completedTotal
        self.retriedTotal = retriedTotal
        self.deadTotal = deadTotal
        self.oldestReadyAgeSeconds = oldestReadyAgeSeconds
    }
}
