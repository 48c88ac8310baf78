import ConciergeDomain
import Foundation

/// Public replies and internal notes on tickets. The first public reply by an agent sets the
/// first response time; a requester's reply reopens a solved ticket; @mentions are resolved
/// to users and recorded on the comment and its event (notifications consume the event).
public struct TicketConversation: Sendable {
    /// A comment to add.
    public struct NewComment: Sendable {
        public var body: String
        public var isPublic: Bool
        public var channel: TicketChannel
        /// Uploaded, not yet linked attachments of the same ticket to send with the comment.
        public var attachmentIDs: [AttachmentID]

        public init(body: String, isPublic: Bool, channel: TicketChannel = .api, attachmentIDs: [AttachmentID] = []) {
            self.body = body
            self.isPublic = isPublic
            self.channel = channel
            self.attachmentIDs = attachmentIDs
        }
    }

    let store: any TenantStore
    let desk: TicketDesk
    let now: @Sendable () -> Date

    public init(store: any TenantStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.desk = TicketDesk(store: store, now: now)
        self.now = now
    }

    /// Adds a comment written by `author`.
    /// - Throws: `invalidInput` (empty body), `conflict` (closed ticket), `notFound`.
    public func add(
        _ new: NewComment, to reference: TicketReference, author: CommentAuthor, actor: Actor, tenant: TenantID
    )
        async throws -> Comment
    {
        let body: String
        do throws(ValidationError) { body = try Comment.validatedBody(new.body) } catch {
            throw AppError.invalid(error)
        }
        if case .customer = author, !new.isPublic {
            throw AppError(.forbidden, code: "forbidden", message: "customers cannot write internal notes")
        }
        let createdAt = now()
        return try await store.transaction(tenant) { tx in
            let found = try await TicketDesk.find(reference, in: tx)
            guard let before = try await tx.tickets.lock(id: found.id) else { throw AppError.notFound("ticket") }
            guard before.status != .closed else {
                throw AppError(
                    .conflict, code: "ticket_closed", message: "a closed ticket takes no comments; create a follow-up")
            }
            let comment = try await add(
                body: body, isPublic: new.isPublic, channel: new.channel, to: before, author: author, actor: actor,
                tx: tx,
                at: createdAt)
            let unique = Array(Set(new.attachmentIDs))
            if !unique.isEmpty, try await tx.attachments.link(unique, ticket: before.id, to: comment.id) != unique.count
            {
                throw AppError(
                    .invalidInput, code: "invalid_attachment",
                    message: "attachment_ids must name attachments uploaded to this ticket and not yet sent",
                    field: "attachment_ids")
            }
            return comment
        }
    }

    /// Adds a validated comment to the locked, unclosed ticket `before` inside `tx`.
    func add(
        body: String, isPublic: Bool, channel: TicketChannel, to before: Ticket, author: CommentAuthor, actor: Actor,
        tx: any TenantTransaction, at createdAt: Date
    ) async throws -> Comment {
        let tenant = before.tenantID
        let new = NewComment(body: body, isPublic: isPublic, channel: channel)
        let mentions = try await resolveMentions(Comment.mentionHandles(in: body), tx: tx)
        let comment = Comment(
            id: CommentID(), tenantID: tenant, ticketID: before.id, author: author, body: body, isPublic: new.isPublic,
            channel: new.channel, mentionIDs: mentions, createdAt: createdAt)
        try await tx.comments.insert(comment, searchDocument: SearchTokenizer.document([body]))
        var after = before
        let byRequester: Bool = if case .customer(let id) = author { id == before.requesterID } else { false }
        if new.isPublic {
            after.status = TicketLifecycle.statusAfterPublicComment(before.status, byRequester: byRequester)
            if after.status != before.status, before.status == .solved { after.solvedAt = nil }
            let byCustomer: Bool = if case .customer = author { true } else { false }
            if !byCustomer, before.firstResponseAt == nil { after.firstResponseAt = createdAt }
        }
        after.updatedAt = createdAt
        after.version = before.version + 1
        try await tx.tickets.update(after, searchDocument: nil)
        var data: [String: JSONValue] = [
            "comment_id": .string(comment.id.description), "public": .bool(new.isPublic),
            "mention_ids": .array(mentions.map { .string($0.description) }), "channel": .string(new.channel.rawValue),
            "author": .string(Self.authorKind(author)),
        ]
        let changes = TicketChange.diff(before, after)
        if !changes.isEmpty { data.merge(TicketDesk.history(changes)) { _, new in new } }
        try await desk.record("ticket.comment_added", after, actor: actor, tx: tx, data: data)
        return comment
    }

    /// Who wrote a comment, as the SLA clock and rules distinguish it.
    static func authorKind(_ author: CommentAuthor) -> String {
        switch author {
        case .user: "agent"
        case .customer: "customer"
        case .system: "system"
        }
    }

    /// Comments oldest first; `includeInternal` is false for anything a customer may see.
    public func list(
        _ reference: TicketReference, includeInternal: Bool, after cursor: CommentID?, limit: Int, tenant: TenantID
    ) async throws -> [Comment] {
        try await store.transaction(tenant) { tx in
            let ticket = try await TicketDesk.find(reference, in: tx)
            return try await tx.comments.list(
                ticket: ticket.id, publicOnly: !includeInternal, after: cursor, limit: limit)
        }
    }

    /// Maps `@handle`s to active users: a handle matches an email's local part or the whole email.
    private func resolveMentions(_ handles: [String], tx: any TenantTransaction) async throws -> [UserID] {
        guard !handles.isEmpty else { return [] }
        var ids: [UserID] = []
        var cursor: UserID?
        var users: [User] = []
        repeat {
            let page = try await tx.users.list(after: cursor, limit: 200)
            users += page
            cursor = page.count == 200 ? page.last?.id : nil
        } while cursor != nil
        for handle in handles {
            let match = users.first { user in
                user.status != .deactivated
                    && (user.email == handle || user.email.split(separator: "@").first.map(String.init) == handle)
            }
            if let match, !ids.contains(match.id) { ids.append(match.id) }
        }
        return ids
    }
}
