/// Something whose reachability decides readiness (`/readyz`): Postgres, Redis.
public protocol HealthProbe: Sendable {
    /// Short name shown in the readiness report (`postgres`).
    var name: String { get }
    /// Throws when the dependency cannot be reached.
    func check() async throws
}
