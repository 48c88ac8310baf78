import ConciergeDomain

/// Filters and page of a customer list, ordered by name in pinyin order (Chinese names by
/// their reading, mixed with Latin names alphabetically), then id.
public struct CustomerQuery: Sendable, Equatable {
    /// Matches the start of the name (any case), of an email, or of a phone number (digits).
    public var text: String?
    public var organizationID: OrganizationID?
    public var limit = 50
    /// Opaque position returned as `next_cursor` by the previous page.
    public var cursor: String?

    public init(text: String? = nil, organizationID: OrganizationID? = nil, limit: Int = 50, cursor: String? = nil) {
        self.text = text
        self.organizationID = organizationID
        self.limit = limit
        self.cursor = cursor
    }
}
