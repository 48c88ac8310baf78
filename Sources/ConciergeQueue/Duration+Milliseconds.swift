import Foundation

extension Duration {
    /// Whole milliseconds, rounded down: the resolution of every score and TTL the queue and
    /// rate limiter store in Redis.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}

extension Date {
    /// Epoch milliseconds, the unit of Redis scores here.
    var epochMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    /// The date of an epoch-millisecond score.
    init(epochMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(epochMilliseconds) / 1000)
    }
}
