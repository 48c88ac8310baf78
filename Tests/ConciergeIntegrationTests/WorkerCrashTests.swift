import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeQueue
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Logging
import Testing

/// Real `concierge-worker` processes against the real Postgres and Redis.
@Suite(.serialized) struct WorkerCrashTests {
    @Test func jobOfAKilledWorkerIsHandedOutAgainAndTakesEffectOnce() async throws {
        // given a tenant and a worker with a short visibility timeout
        let environment = try await TestEnvironment.shared.freshEnvironment(extra: [
            "CONCIERGE_QUEUE_VISIBILITY_SECONDS": "2", "CONCIERGE_WORKER_QUEUES": "diagnostics",
            "CONCIERGE_WORKER_CONCURRENCY": "2",
        ])
        let platform = try Platform(
            configuration: try ConciergeConfiguration(environment: environment), logger: Logger(label: "test"))
        try await CommandSupport.withRunning(platform.postgres) {
            let tenant = try await platform.makeTenant()
            var envA = environment
            envA["CONCIERGE_INSTANCE_ID"] = "worker-a"
            // Below Linux's ephemeral range (32768–60999): the parallel tests' own outbound
            // connections take ports from there, and one once held the port chosen here.
            envA["CONCIERGE_WORKER_HTTP_PORT"] = "\(Int.random(in: 20000...32000))"
            let workerA = try ServiceProcess("concierge-worker", environment: envA)
            defer { workerA.kill() }
            // when A leases a job that holds it for 4 s and is SIGKILLed in the middle
            let job = ProbeJob.make(tenant: tenant.tenant.id, hold: .seconds(4))
            try await platform.queue.enqueue(job, on: "diagnostics", delay: .zero)
            let leased = try await eventually(within: .seconds(20)) {
                try await platform.queue.stats(of: "diagnostics").inFlight == 1
            }
            #expect(leased, "worker A never leased the job: \(workerA.output())")
            try await Task.sleep(for: .milliseconds(500))
            workerA.kill()
            var envB = environment
            envB["CONCIERGE_INSTANCE_ID"] = "worker-b"
            envB["CONCIERGE_WORKER_HTTP_PORT"] = "\(Int.random(in: 20000...32000))"
            let workerB = try ServiceProcess("concierge-worker", environment: envB)
            defer { workerB.stop() }
            // then B gets it after the visibility timeout and the effect happens exactly once
            let completions: @Sendable () async throws -> [ProbeCompletion] = {
                try await platform.store.transaction(tenant.tenant.id) { try await $0.probes.completions(of: job.id) }
            }
            let done = try await eventually(within: .seconds(30)) { try await !completions().isEmpty }
            #expect(done, "worker B never completed the job: \(workerB.output())")
            try await Task.sleep(for: .seconds(1))
            let final = try await completions()
            #expect(final.count == 1)
            #expect(final.first?.worker == "worker-b")
            #expect(final.first?.attempt == 2)
            let stats = try await platform.queue.stats(of: "diagnostics")
            #expect(stats.inFlight == 0 && stats.completedTotal == 1 && stats.dead == 0)
        }
        await platform.shutdown()
    }
}
