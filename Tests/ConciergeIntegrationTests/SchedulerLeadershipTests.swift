import ConciergeCore
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Logging
import Testing

/// Real `concierge-scheduler` processes: one leads, the other stands by and takes over.
@Suite(.serialized) struct SchedulerLeadershipTests {
    @Test func standbyTakesOverWithinTenSecondsWhenTheLeaderIsKilled() async throws {
        // given two schedulers, the first one leading
        let environment = try await TestEnvironment.shared.freshEnvironment()
        let platform = try Platform(
            configuration: try ConciergeConfiguration(environment: environment), logger: Logger(label: "test"))
        try await CommandSupport.withRunning(platform.postgres) {
            func start(_ id: String) throws -> ServiceProcess {
                var env = environment
                env["CONCIERGE_INSTANCE_ID"] = id
                env["CONCIERGE_SCHEDULER_HTTP_PORT"] = "\(Int.random(in: 20000...32000))"  // below the ephemeral range
                return try ServiceProcess("concierge-scheduler", environment: env)
            }
            let holder: @Sendable () async throws -> String? = {
                try await platform.election.currentHolder(of: SchedulerLoop.leadershipName)
            }
            let first = try start("scheduler-1")
            defer { first.kill() }
            let led = try await eventually(within: .seconds(20)) { try await holder() == "scheduler-1" }
            #expect(led, "scheduler-1 never led: \(first.output())")
            let second = try start("scheduler-2")
            defer { second.stop() }
            try await Task.sleep(for: .seconds(3))
            #expect(try await holder() == "scheduler-1", "the standby must not lead while the leader lives")
            // when the leader is killed
            let killedAt = ContinuousClock.now
            first.kill()
            // then the standby leads within 10 s
            let tookOver = try await eventually(within: .seconds(10)) { try await holder() == "scheduler-2" }
            #expect(tookOver, "scheduler-2 did not take over: \(second.output())")
            let elapsed = ContinuousClock.now - killedAt
            #expect(elapsed < .seconds(10))
        }
        await platform.shutdown()
    }
}
