import Foundation

/// A wall clock a test moves by hand, readable from any thread (the token provider's `now`).
///
/// `Synchronization.Mutex` would do, but needs macOS 15 and the package supports macOS 14.
final class ManualClock: @unchecked Sendable {
    // Every access to `date` holds `lock`; that is the whole invariant behind @unchecked.
    private let lock = NSLock()
    private var date: Date

    init(_ date: Date = Date()) {
        self.date = date
    }

    /// The current reading.
    var now: Date { lock.withLock { date } }

    /// Moves the clock forward by `seconds`.
    func advance(by seconds: TimeInterval) {
        lock.withLock { date += seconds }
    }
}
