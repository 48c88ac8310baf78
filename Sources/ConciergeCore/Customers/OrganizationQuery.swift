/// Filters and page of an organization list, ordered by name in pinyin order, then id.
public struct OrganizationQuery: Sendable, Equatable {
    /// Matches the start of the name (any case) or an email domain exactly.
    public var text: String?
    public var limit = 50
    /// Opaque position returned as `next_cursor` by the previous page.
    public var cursor: String?

    public init(text: String? = nil, limit: Int = 50, cursor: String? = nil) {
        self.text = text
        self.limit = limit
        self.cursor = cursor
    }
}
