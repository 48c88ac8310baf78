import ConciergeCore

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
                group.addTask {
                    let passed = await withTaskGroup(of: Bool.self) { race in
                        race.addTask { (try? await probe.check()) != nil }
                        race.addTask { (try? await Task.sleep(for: timeout)).map { false } ?? false }
                        let first = await race.next() ?? false
                        race.cancelAll()
                        return first
                    }
                    return passed ? nil : probe.name
                }
            }
            var failed: [String] = []
            for await name in group { if let name { failed.append(name) } }
            return failed.sorted()
        }
    }
}
