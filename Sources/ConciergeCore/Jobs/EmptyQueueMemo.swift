import Synchronization

/// The queues a worker found empty a moment ago, shared by all its slots: a slot skips a queue
/// found empty within ``window``, so an idle queue costs the whole worker one probe (one Redis
/// script) per window instead of one per job per slot. A job enqueued meanwhile waits at most
/// ``window`` longer.
final class EmptyQueueMemo: Sendable {
    let window: Duration
    private let emptySince = Mutex<[String: ContinuousClock.Instant]>([:])
    private let now: @Sendable () -> ContinuousClock.Instant

    init(window: Duration, now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.window = window
        self.now = now
    }

    /// Whether `queue` is worth asking: not found empty within the window.
    func shouldProbe(_ queue: String) -> Bool {
        let at = now()
        return emptySince.withLock { found in found[queue].map { at - $0 >= window } ?? true }
    }

    /// Records that `queue` had no job just now.
    func markEmpty(_ queue: String) {
        let at = now()
        emptySince.withLock { $0[queue] = at }
    }
}
