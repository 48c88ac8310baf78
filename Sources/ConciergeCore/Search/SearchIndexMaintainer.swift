/// Keeps the full-text indexes cheap to write: new entries are queued by each write and merged
/// into the indexes in bulk by ``SearchIndexFlushTask``, off the request path.
public protocol SearchIndexMaintainer: Sendable {
    /// Merges the entries queued since the last call into the indexes.
    /// - Returns: how many queued index pages were merged (0 when there was nothing to do).
    func flushPendingEntries() async throws -> Int
}
