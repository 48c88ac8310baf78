/// One page of a directory list (customers, organizations, assets) and the opaque cursor of
/// the next page, `nil` on the last one.
public struct ListPage<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
