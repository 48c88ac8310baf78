import ConciergeCore
import Foundation

/// Runs health probes concurrently with a deadline.
public struct ReadinessCheck: Sendable {
    let probes: [any HealthProbe]
    let timeout: Duration

    public init(probes: [any HealthProbe], timeout: Duration = .seconds(2)) {
        self.probes = probes
        self.timeout = timeout
    }

    /// Names of the probes that failed or timed out.
    public func failures() async -> [String] {
        await withTaskGroup(of: String?.self) { group in
            for probe in probes {
                group.addTask { await Self.passes(probe, within: timeout) ? nil : probe.name }
            }
            var failed: [String] = []
            for await name in group { if let name { failed.append(name) } }
            return failed.sorted()
        }
    }

    /// Whether `probe` passes before `timeout`. The answer comes at the deadline even when the
    /// probe cannot be cancelled (a Redis call blocked on a busy thread pool): the probe is
    /// cancelled and left to finish on its own, instead of holding the answer back.
    static func passes(_ probe: any HealthProbe, within timeout: Duration) async -> Bool {
        await withCheckedContinuation { continuation in
            let answer = FirstAnswer(continuation)
            let check = Task { answer.give((try? await probe.check()) != nil) }
            Task {
                try? await Task.sleep(for: timeout)
                answer.give(false)
                check.cancel()
            }
        }
    }

    /// Resumes a continuation with the first answer given; later ones are dropped.
    final class FirstAnswer: @unchecked Sendable {
        // `continuation` is only touched under `lock`.
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Bool, Never>?

        init(_ continuation: CheckedContinuation<Bool, Never>) { self.continuation = continuation }

        func give(_ passed: Bool) {
            let waiting = lock.withLock {
                defer { continuation = nil }
                return continuation
            }
            waiting?.resume(returning: passed)
        }
    }
}
