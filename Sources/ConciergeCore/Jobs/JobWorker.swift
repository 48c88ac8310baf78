import ConciergeDomain
import Foundation
import Logging
import Metrics

/// Takes jobs from named queues and runs their handlers, `concurrency` at a time.
///
/// While a handler runs, its lease is extended every third of the visibility timeout, so a
/// slow job is not handed to another worker; if the process dies, the lease lapses and the
/// job is handed out again. Failures are retried with ``RetryPolicy`` or dead-lettered.
public struct JobWorker: Sendable {
    /// Tuning knobs.
    public struct Options: Sendable {
        public var queues: [String]
        public var concurrency: Int
        public var visibilityTimeout: Duration
        public var retry: RetryPolicy
        public var idlePollCeiling: Duration
        /// How long a queue found empty is left alone by every slot (see ``EmptyQueueMemo``).
        public var emptyQueueWindow: Duration

        public init(
            queues: [String], concurrency: Int = 8, visibilityTimeout: Duration = .seconds(60),
            retry: RetryPolicy = RetryPolicy(), idlePollCeiling: Duration = .milliseconds(500),
            emptyQueueWindow: Duration = .milliseconds(50)
        ) {
            self.queues = queues
            self.concurrency = concurrency
            self.visibilityTimeout = visibilityTimeout
            self.retry = retry
            self.idlePollCeiling = idlePollCeiling
            self.emptyQueueWindow = emptyQueueWindow
        }
    }

    let queue: any JobQueue
    let handlers: [String: any JobHandler]
    let options: Options
    let workerID: String
    let logger: Logger

    public init(queue: any JobQueue, handlers: [any JobHandler], options: Options, workerID: String, logger: Logger) {
        self.queue = queue
        self.handlers = Dictionary(handlers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.options = options
        self.workerID = workerID
        self.logger = logger
    }

    /// Runs until the task is cancelled.
    public func run() async {
        logger.info(
            "worker started",
            metadata: [
                "worker": "\(workerID)", "queues": "\(options.queues.joined(separator: ","))",
                "concurrency": "\(options.concurrency)",
            ])
        await withTaskGroup(of: Void.self) { group in
            let memo = EmptyQueueMemo(window: options.emptyQueueWindow)
            for slot in 0..<max(options.concurrency, 1) {
                group.addTask { await runSlot(slot, memo: memo) }
            }
        }
        logger.info("worker stopped", metadata: ["worker": "\(workerID)"])
    }

    private func runSlot(_ slot: Int, memo: EmptyQueueMemo) async {
        var idle = Duration.milliseconds(10)
        var next = slot % max(options.queues.count, 1)
        while !Task.isCancelled {
            var worked = false
            for offset in 0..<options.queues.count {
                let name = options.queues[(next + offset) % options.queues.count]
                guard memo.shouldProbe(name) else { continue }
                do {
                    if let lease = try await queue.dequeue(from: name, visibilityTimeout: options.visibilityTimeout) {
                        await process(lease)
                        worked = true
                        next = (next + offset + 1) % options.queues.count
                        break
                    }
                    memo.markEmpty(name)
                } catch {
                    logger.warning("dequeue failed", metadata: ["queue": "\(name)", "error": "\(error)"])
                }
            }
            if worked {
                idle = .milliseconds(10)
            } else {
                try? await Task.sleep(for: idle)
                idle = min(idle * 2, options.idlePollCeiling)
            }
        }
    }

    /// Runs one leased job to completion, failure or dead letter.
    func process(_ lease: LeasedJob) async {
        var log = logger
        log[metadataKey: "job_id"] = "\(lease.job.id)"
        log[metadataKey: "job_name"] = "\(lease.job.name)"
        log[metadataKey: "queue"] = "\(lease.queue)"
        log[metadataKey: "attempt"] = "\(lease.attempt)"
        if let tenant = lease.job.tenantID { log[metadataKey: "tenant_id"] = "\(tenant)" }
        let context = JobContext(workerID: workerID, logger: log)
        let started = ContinuousClock.now
        let outcome: String
        do {
            guard let handler = handlers[lease.job.name] else {
                throw JobFailure.permanent("no handler for job \(lease.job.name)")
            }
            try await withLeaseKeptAlive(lease, log: log) {
                try await handler.handle(lease, context: context)
            }
            try await queue.complete(lease)
            outcome = "completed"
            log.debug("job completed")
        } catch {
            outcome = await recordFailure(lease, error: error, log: log)
        }
        let labels = [("queue", lease.queue), ("job", lease.job.name), ("outcome", outcome)]
        Counter(label: "concierge_jobs_processed_total", dimensions: labels).increment()
        Metrics.Timer(
            label: "concierge_job_duration_seconds", dimensions: [("queue", lease.queue), ("job", lease.job.name)]
        )
        .recordNanoseconds((ContinuousClock.now - started).nanoseconds)
    }

    private func recordFailure(_ lease: LeasedJob, error: any Error, log: Logger) async -> String {
        let retryable: Bool
        let message: String
        switch error {
        case JobFailure.permanent(let reason):
            (retryable, message) = (false, reason)
        case JobFailure.retryable(let reason):
            (retryable, message) = (true, reason)
        case let appError as AppError where appError.category == .invalidInput || appError.category == .notFound:
            (retryable, message) = (false, appError.description)
        default:
            (retryable, message) = (true, String(describing: error))
        }
        let delay = options.retry.delay(forAttempt: lease.attempt, random: Double.random(in: 0...1))
        do {
            try await queue.fail(lease, error: String(message.prefix(2000)), retryable: retryable, retryDelay: delay)
        } catch {
            log.error("could not record job failure; the lease will lapse", metadata: ["error": "\(error)"])
        }
        let willRetry = retryable && lease.attempt < lease.job.maxAttempts
        log.warning(
            willRetry ? "job failed; will retry" : "job failed; dead-lettered",
            metadata: [
                "error": "\(message.prefix(500))", "retry_in_ms": "\(willRetry ? delay.nanoseconds / 1_000_000 : 0)",
            ])
        return willRetry ? "retried" : "dead"
    }

    private func withLeaseKeptAlive(
        _ lease: LeasedJob, log: Logger, _ body: @Sendable @escaping () async throws -> Void
    )
        async throws
    {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await body() }
            group.addTask {
                let period = options.visibilityTimeout / 3
                while true {
                    try await Task.sleep(for: period)
                    if try await !queue.extend(lease, visibilityTimeout: options.visibilityTimeout) {
                        log.warning("lease lost while the job ran; another worker may run it too")
                        return
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
