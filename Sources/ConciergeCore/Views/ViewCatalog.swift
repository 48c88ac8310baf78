import ConciergeDomain
import Foundation

/// Saved views: listing (with ticket counts), running, and keeping them. Anyone with ticket
/// access keeps personal views; shared views need a supervisor or above.
public struct ViewCatalog: Sendable {
    /// Counts stop here: the UI shows "10000+" rather than scanning a huge queue.
    public static let countCap = 10_000

    let store: any TenantStore
    let now: @Sendable () -> Date

    public init(store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.now = now
    }

    /// The views `identity` can open, each with its (capped) ticket count; `nil` when the view
    /// cannot apply to this caller (`assignee: me` for an API token).
    /// The views `identity` sees (its own and the shared ones), without counting their tickets.
    public func visible(for identity: Identity) async throws -> [SavedView] {
        try await store.transaction(identity.tenantID) { try await $0.views.visible(to: identity.userID) }
    }

    /// The views `identity` sees, each with its count of tickets (capped at ``countCap``).
    public func list(for identity: Identity) async throws -> [(view: SavedView, count: Int?)] {
        try await store.transaction(identity.tenantID) { tx in
            var result: [(view: SavedView, count: Int?)] = []
            for view in try await tx.views.visible(to: identity.userID) {
                // A view about "me" has no count for an API token (no user behind it).
                guard let query = try? view.filters.query(for: identity.userID) else {
                    result.append((view, nil))
                    continue
                }
                result.append((view, try await tx.tickets.count(query, cap: Self.countCap)))
            }
            return result
        }
    }

    /// One page of a view's tickets.
    public func run(_ reference: String, cursor: String?, limit: Int, identity: Identity) async throws
        -> (SavedView, TicketPage, [CustomerID: Customer])
    {
        try await store.transaction(identity.tenantID) { tx in
            let view = try await Self.visibleView(reference, identity: identity, tx: tx)
            var query = try view.filters.query(for: identity.userID)
            query.cursor = cursor
            query.limit = limit
            let page = try await tx.tickets.list(query)
            return (view, page, try await TicketDesk.requesters(of: page.tickets, in: tx))
        }
    }

    /// Saves a new view; `shared` needs the supervisor role or above.
    public func create(
        key: String, title: String, filters: ViewFilters, shared: Bool, identity: Identity
    ) async throws -> SavedView {
        let view = try Self.validated(
            SavedView(
                id: ViewID(), key: key, title: title, ownerID: shared ? nil : identity.userID, filters: filters,
                position: 0),
            shared: shared, identity: identity)
        return try await store.transaction(identity.tenantID) { tx in
            var stored = view
            stored.position = try await tx.views.visible(to: identity.userID).count
            try await tx.views.insert(stored)
            return stored
        }
    }

    /// Replaces title, filters or position of a view the caller may manage.
    public func update(_ reference: String, title: String?, filters: ViewFilters?, position: Int?, identity: Identity)
        async throws
        -> SavedView
    {
        try await store.transaction(identity.tenantID) { tx in
            var view = try await Self.visibleView(reference, identity: identity, tx: tx)
            try Self.checkManage(view, identity: identity)
            if let title { view.title = title }
            if let filters { view.filters = filters }
            if let position { view.position = position }
            view = try Self.validated(view, shared: view.ownerID == nil, identity: identity)
            try await tx.views.update(view)
            return view
        }
    }

    public func delete(_ reference: String, identity: Identity) async throws {
        try await store.transaction(identity.tenantID) { tx in
            let view = try await Self.visibleView(reference, identity: identity, tx: tx)
            try Self.checkManage(view, identity: identity)
            _ = try await tx.views.delete(id: view.id)
        }
    }

    static func visibleView(_ reference: String, identity: Identity, tx: any TenantTransaction) async throws
        -> SavedView
    {
        let found: SavedView? =
            if let id = ViewID(reference) { try await tx.views.find(id: id) } else {
                try await tx.views.find(key: reference)
            }
        guard let view = found, view.ownerID == nil || view.ownerID == identity.userID else {
            throw AppError.notFound("view")
        }
        return view
    }

    static func checkManage(_ view: SavedView, identity: Identity) throws {
        if view.ownerID == nil, identity.role > .supervisor {
            throw AppError.forbidden("shared views are kept by supervisors and admins")
        }
    }

    static func validated(_ view: SavedView, shared: Bool, identity: Identity) throws -> SavedView {
        if shared, identity.role > .supervisor {
            throw AppError.forbidden("shared views are kept by supervisors and admins")
        }
        if !shared, identity.userID == nil {
            throw AppError(
                .invalidInput, code: "invalid_field", message: "an API token can only save shared views",
                field: "shared")
        }
        var copy = view
        do throws(ValidationError) {
            copy.key = try Validate.key(view.key, field: "key")
            copy.title = try Validate.displayName(view.title, field: "title", maxLength: 100)
        } catch { throw AppError.invalid(error) }
        _ = try view.filters.query(for: identity.userID ?? UserID())
        return copy
    }
}
