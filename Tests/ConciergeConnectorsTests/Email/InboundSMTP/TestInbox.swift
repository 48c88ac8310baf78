import ConciergeConnectors

/// Where a test server's messages go: records them, and can fail or slow down on request.
actor TestInbox {
    /// One message the server handed over.
    struct Delivery: Sendable {
        let envelope: InboundSMTPEnvelope
        let rawMessage: [UInt8]
    }

    /// The handler's failure when told to fail.
    struct StorageDown: Error {}

    private(set) var deliveries: [Delivery] = []
    private var failuresLeft = 0
    private var delay: Duration?
    private var startedContinuation: AsyncStream<Void>.Continuation?

    /// Makes the next `count` deliveries throw.
    func failNext(_ count: Int) { failuresLeft = count }

    /// Makes every delivery take `delay` before it is recorded.
    func slowDown(by delay: Duration) { self.delay = delay }

    /// Yields each time a delivery starts, before any delay.
    func deliveryStarts() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        startedContinuation = continuation
        return stream
    }

    /// The message handler.
    func receive(_ envelope: InboundSMTPEnvelope, _ rawMessage: [UInt8]) async throws {
        startedContinuation?.yield()
        if failuresLeft > 0 {
            failuresLeft -= 1
            throw StorageDown()
        }
        if let delay { try await Task.sleep(for: delay) }
        deliveries.append(Delivery(envelope: envelope, rawMessage: rawMessage))
    }
}
