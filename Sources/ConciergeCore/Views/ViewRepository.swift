import ConciergeDomain

/// Saved views of the transaction's tenant.
public protocol ViewRepository: Sendable {
    /// Shared views and the personal views of `owner`, in position order.
    func visible(to owner: UserID?) async throws -> [SavedView]
    func find(id: ViewID) async throws -> SavedView?
    func find(key: String) async throws -> SavedView?
    /// - Throws: `conflict` (`key_taken`).
    func insert(_ view: SavedView) async throws
    func update(_ view: SavedView) async throws
    func delete(id: ViewID) async throws -> Bool
}
