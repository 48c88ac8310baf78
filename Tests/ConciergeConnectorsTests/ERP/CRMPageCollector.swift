import ConciergeConnectors
import ConciergePeerTestSupport
import Foundation
import Testing

/// Walks a ``CRMSource`` page by page for the end-to-end tests.
enum CRMPageCollector {
    /// One fetched page: its records and the cursor it handed out.
    struct Page {
        var records: [CRMRecord]
        var nextCursor: String?
    }

    /// Every page of `kind` from `cursor` on, failing the test on a failure or after 10 pages.
    static func pages(
        of source: some CRMSource, kind: CRMRecordKind, since: Date?, pageSize: Int, from cursor: String? = nil
    ) async throws -> [Page] {
        var pages: [Page] = []
        var cursor = cursor
        repeat {
            let result = await source.fetchPage(kind: kind, updatedSince: since, cursor: cursor, pageSize: pageSize)
            guard case .fetched(let records, let next) = result else {
                Issue.record("page \(pages.count + 1) failed: \(result)")
                throw TestServerProcessError("page failed")
            }
            pages.append(Page(records: records, nextCursor: next))
            cursor = next
        } while cursor != nil && pages.count < 10
        return pages
    }

    /// The failure of one page fetch, or `nil` (with a recorded issue) when it succeeded.
    static func failure(
        of source: some CRMSource, kind: CRMRecordKind, since: Date? = nil, pageSize: Int = 2
    ) async -> IntegrationFailure? {
        let result = await source.fetchPage(kind: kind, updatedSince: since, cursor: nil, pageSize: pageSize)
        guard case .failed(let failure) = result else {
            Issue.record("expected a failure, got \(result)")
            return nil
        }
        return failure
    }
}
