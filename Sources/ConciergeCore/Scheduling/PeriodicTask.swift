/// Work the scheduler's leader repeats on an interval (outbox relay, session purge; later:
/// SLA timers, time-based rules, CRM pulls).
public protocol PeriodicTask: Sendable {
    /// Stable name for logs and metrics (`outbox.relay`).
    var name: String { get }
    /// Pause between the end of one run and the start of the next.
    var interval: Duration { get }
    /// One pass. Errors are logged and the task runs again after `interval`.
    func runOnce() async throws
}
