import ArgumentParser
import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeQueue
import ConciergeRuntime
import Foundation

/// `concierge queue stats|dead-letters|replay|probe`: inspect and operate the job queues.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "Inspect and operate the job queues.",
        subcommands: [Stats.self, DeadLetters.self, Replay.self, Probe.self])

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Depth, in-flight, dead and totals per queue.")

        func run() async throws {
            let rows = try await CommandSupport.withPlatform { platform in
                var rows: [(String, QueueStats)] = []
                for name in try await platform.queue.queues().sorted() {
                    rows.append((name, try await platform.queue.stats(of: name)))
                }
                return rows
            }
            print("queue\tready\tdelayed\tin_flight\tdead\tenqueued\tcompleted\tretried\tdead_total\toldest_ready_s")
            for (name, s) in rows {
                print(
                    "\(name)\t\(s.ready)\t\(s.delayed)\t\(s.inFlight)\t\(s.dead)\t\(s.enqueuedTotal)\t\(s.completedTotal)\t\(s.retriedTotal)\t\(s.deadTotal)\t\(Int(s.oldestReadyAgeSeconds))"
                )
            }
        }
    }

    struct DeadLetters: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dead-letters", abstract: "List dead jobs of a queue, newest first.")
        @Argument var queue: String
        @Option var limit = 50

        func run() async throws {
            let (queue, limit) = (queue, limit)
            let dead = try await CommandSupport.withPlatform { try await $0.queue.deadLetters(in: queue, limit: limit) }
            for job in dead {
                print(
                    "\(job.job.id)\t\(job.job.name)\t\(job.job.tenantID?.description ?? "-")\t\(job.attempts) attempts\t\(job.diedAt.formatted(.iso8601))\t\(job.lastError)"
                )
            }
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a dead job back to ready with its attempts reset.")
        @Argument var queue: String
        @Argument(help: "Job id from dead-letters.") var jobID: String

        func run() async throws {
            let (queue, jobID) = (queue, jobID)
            guard try await CommandSupport.withPlatform({ try await $0.queue.replay(jobID: jobID, in: queue) }) else {
                throw failure("no dead job \(jobID) in \(queue)")
            }
            print("replayed \(jobID)")
        }
    }

    struct Probe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a diagnostics.probe job through the worker fleet and wait for it to complete.")
        @Option(help: "Tenant slug.") var tenant = "demo"
        @Option(help: "How long the job holds its worker, in milliseconds.") var holdMs = 0
        @Option(help: "Seconds to wait.") var timeout = 30

        func run() async throws {
            let (slug, hold, timeout) = (tenant, holdMs, timeout)
            let completion = try await reportingAppErrors {
                try await CommandSupport.withPlatform { platform -> (ProbeCompletion, Duration)? in
                    guard let tenant = try await platform.tenants.find(slug: try TenantSlug(slug)) else {
                        throw AppError.notFound("tenant \(slug)")
                    }
                    let job = ProbeJob.make(tenant: tenant.id, hold: .milliseconds(hold))
                    let started = ContinuousClock.now
                    try await platform.queue.enqueue(job, on: "diagnostics", delay: .zero)
                    while ContinuousClock.now - started < .seconds(timeout) {
                        let done = try await platform.store.transaction(tenant.id) {
                            try await $0.probes.completions(of: job.id)
                        }
                        if let first = done.first { return (first, ContinuousClock.now - started) }
                        try await Task.sleep(for: .milliseconds(50))
                    }
                    return nil
                }
            }
            guard let (done, elapsed) = completion else {
                throw failure("the probe did not complete within \(timeout) s; is a worker running?")
            }
            print(
                "probe \(done.jobID) completed by \(done.worker) on attempt \(done.attempt) in \(elapsed.formatted(.units(allowed: [.milliseconds])))"
            )
        }
    }
}
