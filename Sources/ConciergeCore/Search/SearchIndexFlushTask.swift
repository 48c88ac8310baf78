import Logging

/// Merges the full-text indexes' queued entries every second (migration 0014 explains why
/// ticket writes queue them instead of writing each entry into the index themselves).
public struct SearchIndexFlushTask: PeriodicTask {
    public let name = "search.flush"
    public let interval: Duration
    let maintainer: any SearchIndexMaintainer
    let logger: Logger

    public init(maintainer: any SearchIndexMaintainer, interval: Duration = .seconds(1), logger: Logger) {
        self.maintainer = maintainer
        self.interval = interval
        self.logger = logger
    }

    public func runOnce() async throws {
        let pages = try await maintainer.flushPendingEntries()
        if pages > 0 { logger.debug("search index flushed", metadata: ["pages": "\(pages)"]) }
    }
}
