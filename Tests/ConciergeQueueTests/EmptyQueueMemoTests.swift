import Synchronization
import Testing

@testable import ConciergeCore

/// The worker's memory of empty queues: a queue found empty is skipped by every slot for the
/// window, then probed again.
@Suite struct EmptyQueueMemoTests {
    /// A clock the test moves by hand.
    final class ManualInstant: Sendable {
        private let value = Mutex(ContinuousClock.now)
        var now: ContinuousClock.Instant { value.withLock { $0 } }
        func advance(_ duration: Duration) { value.withLock { $0 += duration } }
    }

    @Test("A queue found empty is skipped for the window, other queues are not")
    func emptyQueueIsSkippedForTheWindow() {
        // given a memo with a 50 ms window
        let clock = ManualInstant()
        let memo = EmptyQueueMemo(window: .milliseconds(50), now: { clock.now })
        // when one queue is found empty
        #expect(memo.shouldProbe("events"))
        memo.markEmpty("events")
        // then it is skipped until the window has passed, and another queue is still asked
        #expect(!memo.shouldProbe("events"))
        #expect(memo.shouldProbe("connectors"))
        clock.advance(.milliseconds(49))
        #expect(!memo.shouldProbe("events"))
        clock.advance(.milliseconds(1))
        #expect(memo.shouldProbe("events"))
        // and finding it empty again starts a new window
        memo.markEmpty("events")
        #expect(!memo.shouldProbe("events"))
    }
}
