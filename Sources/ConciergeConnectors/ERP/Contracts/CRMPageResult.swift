/// What one ``CRMSource/fetchPage(kind:updatedSince:cursor:pageSize:)`` call came to.
public enum CRMPageResult: Sendable, Equatable {
    /// A page of records and the cursor of the next page, `nil` when this was the last.
    ///
    /// The cursor is opaque and durable: store it, and a new connector given the same
    /// `updatedSince` continues from there after a restart.
    case fetched(records: [CRMRecord], nextCursor: String?)
    /// The page could not be fetched or mapped.
    case failed(IntegrationFailure)
}
