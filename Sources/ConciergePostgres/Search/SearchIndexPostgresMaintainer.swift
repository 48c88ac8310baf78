import ConciergeCore
import Logging
import PostgresNIO

/// Merges the GIN indexes' pending lists through `search_index_flush()` (migration 0014), which
/// runs with the index owner's rights and touches no tenant's rows.
public struct SearchIndexPostgresMaintainer: SearchIndexMaintainer {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func flushPendingEntries() async throws -> Int {
        let rows = try await client.query("SELECT search_index_flush()", logger: logger)
        for try await pages in rows.decode(Int64.self) { return Int(pages) }
        return 0
    }
}
