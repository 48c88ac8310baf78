import Logging

/// Publishes committed outbox rows to their queues. A crash between publishing and marking
/// re-publishes on the next pass; the queue ignores ids it still holds and handlers
/// de-duplicate the rest.
public struct OutboxRelayTask: PeriodicTask {
    public let name = "outbox.relay"
    public let interval: Duration
    let source: any OutboxSource
    let queue: any JobQueue
    let batchSize: Int

    public init(
        source: any OutboxSource, queue: any JobQueue, interval: Duration = .milliseconds(200), batchSize: Int = 500
    ) {
        self.source = source
        self.queue = queue
        self.interval = interval
        self.batchSize = batchSize
    }

    public func runOnce() async throws {
        var relayed = batchSize
        while relayed == batchSize, !Task.isCancelled {
            relayed = try await source.relay(limit: batchSize) { rows in
                for row in rows { try await queue.enqueue(row.job, on: row.queue, delay: .zero) }
                return rows.map(\.id)
            }
        }
    }
}
