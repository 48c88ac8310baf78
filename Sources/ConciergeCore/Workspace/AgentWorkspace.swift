import ConciergeDomain
import Foundation

/// The agent workspace's pages, each read in one transaction.
///
/// A page needs a dozen small reads — the agent, the ticket, its conversation, history and
/// links, the tenant's people, groups, macros and fields. As separate use-case calls each was a
/// transaction of its own, with its own `BEGIN`, tenant binding and `COMMIT` round trips: most
/// of a page's database time. Here one transaction reads them all, through the same
/// repositories the use cases use.
public struct AgentWorkspace: Sendable {
    /// How many users the pages list for names and assignee pickers (by name).
    public static let userLimit = 500

    /// What the ticket list shows.
    public struct ListReads: Sendable {
        public var viewer: User
        public var tenant: Tenant
        public var views: [SavedView]
        public var page: TicketPage
        public var requesters: [CustomerID: Customer]
        public var users: [User]
    }

    /// What the ticket page shows.
    public struct TicketReads: Sendable {
        public var viewer: User
        public var tenant: Tenant
        public var ticket: Ticket
        public var requester: Customer?
        public var comments: [Comment]
        public var history: [RecordedEvent]
        public var parent: Ticket?
        public var children: [Ticket]
        public var related: [Ticket]
        public var definitions: [CustomFieldDefinition]
        public var forms: [TicketForm]
        public var users: [User]
        public var groups: [Group]
        public var macros: [Macro]
        public var attachments: [Attachment]
    }

    let store: any TenantStore

    public init(store: any TenantStore) {
        self.store = store
    }

    /// The agent's views and one page of tickets. `query` builds the page's query from the view
    /// chosen among the agent's (`nil`: none chosen).
    /// - Throws: `unauthenticated` without a user; `notFound` (`view`) for a view the agent does
    ///   not see; `query`'s errors.
    public func list(
        for identity: Identity, view key: String?, query: @escaping @Sendable (SavedView?) throws -> TicketQuery
    ) async throws -> ListReads {
        guard let userID = identity.userID else { throw AppError.unauthenticated }
        return try await store.transaction(identity.tenantID) { tx in
            let (viewer, tenant) = try await Self.viewer(userID, tx)
            let views = try await tx.views.visible(to: userID)
            let chosen = views.first { $0.key == key }
            if key != nil && chosen == nil { throw AppError.notFound("view") }
            let page = try await tx.tickets.list(try query(chosen))
            return ListReads(
                viewer: viewer, tenant: tenant, views: views, page: page,
                requesters: try await TicketDesk.requesters(of: page.tickets, in: tx),
                users: try await tx.users.list(after: nil, limit: Self.userLimit))
        }
    }

    /// One ticket with everything its page shows: the newest `historyLimit` events, the first
    /// `commentLimit` comments (internal notes included).
    /// - Throws: `unauthenticated` without a user; `notFound` (`ticket`).
    public func ticket(
        _ reference: TicketReference, for identity: Identity, commentLimit: Int, historyLimit: Int
    ) async throws -> TicketReads {
        guard let userID = identity.userID else { throw AppError.unauthenticated }
        return try await store.transaction(identity.tenantID) { tx in
            let (viewer, tenant) = try await Self.viewer(userID, tx)
            let ticket = try await TicketDesk.find(reference, in: tx)
            let requester = try await TicketDesk.requesters(of: [ticket], in: tx)[ticket.requesterID]
            return TicketReads(
                viewer: viewer, tenant: tenant, ticket: ticket, requester: requester,
                comments: try await tx.comments.list(
                    ticket: ticket.id, publicOnly: false, after: nil, limit: commentLimit),
                history: try await tx.events.list(
                    before: nil, limit: historyLimit, subjectType: "ticket", subjectID: ticket.id.description),
                parent: try await ticket.parentID.asyncMap { try await tx.tickets.find(id: $0) } ?? nil,
                children: try await tx.tickets.children(of: ticket.id),
                related: try await TicketDesk.related(to: ticket.id, in: tx),
                definitions: try await tx.customFields.definitions(), forms: try await tx.customFields.forms(),
                users: try await tx.users.list(after: nil, limit: Self.userLimit), groups: try await tx.groups.list(),
                macros: try await tx.macros.all(), attachments: try await tx.attachments.list(ticket: ticket.id))
        }
    }

    static func viewer(_ id: UserID, _ tx: any TenantTransaction) async throws -> (User, Tenant) {
        guard let user = try await tx.users.find(id: id), let tenant = try await tx.tenant() else {
            throw AppError.unauthenticated
        }
        return (user, tenant)
    }
}
