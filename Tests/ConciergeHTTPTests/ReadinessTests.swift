import ConciergeCore
import ConciergeDomain
import ConciergeHTTP
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Health, readiness and metrics. Readiness answers within its probes' deadline, so these run
/// with the timing-sensitive suites (`make test` runs those first, on a quiet machine).
@Suite struct ReadinessTests {
    @Test func healthReadinessAndMetricsAnswer() async throws {
        try await withAPI { _, client in
            #expect(try await client.call(.get, "/healthz").status == .ok)
            #expect(try await client.call(.get, "/readyz").status == .ok)
            let metrics = try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
            #expect(metrics.contains("hb_requests"), "\(metrics.prefix(2000))")
        }
    }

    @Test func readinessFailsWhenRedisIsUnreachable() async throws {
        try await withAPI(extra: ["CONCIERGE_REDIS_URL": "redis://127.0.0.1:1/0"]) { _, client in
            let response = try await client.call(.get, "/readyz")
            #expect(response.status == .serviceUnavailable && response.body.errorCode == "not_ready")
        }
    }

    /// A probe that ignores cancellation and answers after 5 s.
    struct StuckProbe: HealthProbe {
        let name = "stuck"
        func check() async throws {
            let until = ContinuousClock.now + .seconds(5)
            while ContinuousClock.now < until { try? await Task.sleep(for: .milliseconds(50)) }
        }
    }

    @Test func aProbeThatCannotBeCancelledFailsAtTheDeadlineWithoutHoldingTheAnswer() async {
        let started = ContinuousClock.now
        let failures = await ReadinessCheck(probes: [StuckProbe()], timeout: .milliseconds(300)).failures()
        #expect(failures == ["stuck"])
        #expect(ContinuousClock.now - started < .seconds(2))
    }
}
