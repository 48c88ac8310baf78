import ConciergeDomain
import Foundation

/// "My requests": what a signed-in customer sees of their requests and does with them.
extension CustomerPortal {
    /// A page of the customer's requests, newest activity first.
    public func requests(_ visitor: PortalVisitor, filter: PortalRequestFilter, cursor: String?) async throws
        -> PortalRequestPage
    {
        var query = TicketQuery()
        query.requesterID = visitor.customer.id
        query.topLevelOnly = true
        query.statuses = filter.statuses
        query.sort = .updatedAt
        query.descending = true
        query.limit = Self.pageSize
        query.cursor = cursor
        let page: TicketPage
        do {
            page = try await store.transaction(visitor.tenant.id) { [query] tx in try await tx.tickets.list(query) }
        } catch let error as AppError where error.category == .invalidInput {
            // A cursor from another list or edited by hand: the first page.
            query.cursor = nil
            page = try await store.transaction(visitor.tenant.id) { [query] tx in try await tx.tickets.list(query) }
        }
        return PortalRequestPage(tickets: page.tickets, nextCursor: page.nextCursor)
    }

    /// One of the customer's requests as they may see it. - Throws: `notFound` for any other.
    public func request(_ visitor: PortalVisitor, number: Int64) async throws -> PortalRequest {
        let at = now()
        return try await store.transaction(visitor.tenant.id) { tx in
            let ticket = try await Self.own(number, visitor, tx)
            let comments = try await tx.comments.list(
                ticket: ticket.id, publicOnly: true, after: nil, limit: Self.commentLimit)
            let publicIDs = Set(comments.map(\.id))
            let files = try await tx.attachments.list(ticket: ticket.id)
            var commentFiles: [CommentID: [Attachment]] = [:]
            for file in files {
                if let comment = file.commentID, publicIDs.contains(comment) {
                    commentFiles[comment, default: []].append(file)
                }
            }
            var agentNames: [UserID: String] = [:]
            var customerIDs: Set<CustomerID> = []
            for comment in comments {
                switch comment.author {
                case .user(let id) where agentNames[id] == nil:
                    agentNames[id] = try await tx.users.find(id: id)?.name ?? ""
                case .customer(let id) where id != visitor.customer.id: customerIDs.insert(id)
                default: break
                }
            }
            let customerNames = Dictionary(
                uniqueKeysWithValues: try await tx.customers.find(ids: Array(customerIDs)).map { ($0.id, $0.name) })
            let definitions = CustomFieldValues(definitions: try await tx.customFields.definitions())
            let visible = definitions.visibleToCustomer(ticket.customFields)
            let fields = definitions.definitions.compactMap { definition -> (CustomFieldDefinition, JSONValue)? in
                guard let value = visible[definition.key], value != .null else { return nil }
                return (definition, value)
            }
            let asset = try await ticket.assetID.asyncMap { try await tx.assets.find(id: $0) } ?? nil
            let survey = try await tx.satisfaction.surveys(ofTicket: ticket.id).first { $0.kind == .csat }
            var mergedInto: Int64?
            if let target = ticket.mergedIntoID, let merged = try await tx.tickets.find(id: target),
                merged.requesterID == visitor.customer.id, merged.parentID == nil
            {
                mergedInto = merged.number
            }
            let rateable =
                (ticket.status == .solved || (ticket.status == .closed && ticket.mergedIntoID == nil))
                && survey.map { $0.answeredAt == nil && $0.expiresAt > at } ?? true
            return PortalRequest(
                ticket: ticket, comments: comments,
                requestFiles: files.filter(Self.isRequestFile), commentFiles: commentFiles, agentNames: agentNames,
                customerNames: customerNames, fields: fields, asset: asset, survey: survey,
                mergedIntoNumber: mergedInto, canRate: rateable)
        }
    }

    /// Adds the customer's public reply, with files (each checked like any upload; a refused
    /// one sends nothing). A reply to a solved request reopens it; a pending one goes back to
    /// the team.
    /// - Throws: `notFound`; `invalidInput` (empty body, a file refused: the field names it);
    ///   `conflict` `ticket_closed` (a closed request takes no reply: open a new one).
    public func reply(_ visitor: PortalVisitor, number: Int64, body: String, files: [PortalUpload]) async throws
        -> Comment
    {
        let text: String
        do throws(ValidationError) { text = try Comment.validatedBody(body) } catch { throw AppError.invalid(error) }
        guard files.count <= Self.filesPerReply else {
            throw AppError(
                .invalidInput, code: "too_many_files", message: "at most \(Self.filesPerReply) files", field: "files")
        }
        let tenant = visitor.tenant.id
        let ticket = try await store.transaction(tenant) { tx in try await Self.own(number, visitor, tx) }
        guard ticket.status != .closed else { throw Self.closed }
        // Every file is checked before any is stored, so a refused one leaves nothing behind.
        for (index, file) in files.enumerated() {
            do throws(ValidationError) {
                _ = try attachments.policy.validate(
                    filename: file.filename, contentType: file.contentType, bytes: file.bytes)
            } catch {
                throw AppError(.invalidInput, code: error.code, message: error.message, field: "files[\(index)]")
            }
        }
        var uploaded: [AttachmentID] = []
        for file in files {
            uploaded.append(
                try await attachments.upload(
                    filename: file.filename, contentType: file.contentType, bytes: file.bytes, to: .id(ticket.id),
                    actor: visitor.actor, tenant: tenant
                ).id)
        }
        let at = now()
        return try await store.transaction(tenant) { [conversation, uploaded] tx in
            let owned = try await Self.own(number, visitor, tx)
            guard let before = try await tx.tickets.lock(id: owned.id) else { throw AppError.notFound("request") }
            guard before.status != .closed else { throw Self.closed }
            let comment = try await conversation.add(
                body: text, isPublic: true, channel: .web, to: before, author: .customer(visitor.customer.id),
                actor: visitor.actor, tx: tx, at: at)
            if !uploaded.isEmpty,
                try await tx.attachments.link(uploaded, ticket: before.id, to: comment.id) != uploaded.count
            {
                throw AppError(.invalidInput, code: "invalid_attachment", message: "a file could not be sent")
            }
            return comment
        }
    }

    /// The customer says the request is done: it becomes solved (history by the customer).
    /// - Throws: `notFound`; `conflict` (already solved or closed: `invalid_transition`,
    ///   `ticket_closed`); `invalidInput` when the team must still fill in a field to solve it.
    public func markSolved(_ visitor: PortalVisitor, number: Int64) async throws -> Ticket {
        let at = now()
        return try await store.transaction(visitor.tenant.id) { [desk] tx in
            let owned = try await Self.own(number, visitor, tx)
            guard let before = try await tx.tickets.lock(id: owned.id) else { throw AppError.notFound("request") }
            guard before.status.isUnsolved else {
                throw AppError(
                    .conflict, code: before.status == .closed ? "ticket_closed" : "invalid_transition",
                    message: "the request is already \(before.status.rawValue)")
            }
            return try await desk.apply(
                TicketChange(status: .solved), to: before, actor: visitor.actor, tx: tx, at: at)
        }
    }

    /// Rates a solved or closed request (CSAT 1–5 and a comment), once, on the request's
    /// satisfaction survey (see ``SatisfactionDesk``).
    /// - Throws: `notFound`; `invalidInput` (rating, comment); `conflict` (`not_solved`,
    ///   `already_answered`, `expired`).
    public func rate(_ visitor: PortalVisitor, number: Int64, rating: Int, comment: String?) async throws
        -> SatisfactionSurvey
    {
        let at = now()
        return try await store.transaction(visitor.tenant.id) { [satisfaction] tx in
            let ticket = try await Self.own(number, visitor, tx)
            guard ticket.mergedIntoID == nil else {
                throw AppError(.conflict, code: "not_solved", message: "a merged request is rated where it went")
            }
            return try await satisfaction.answer(ticket: ticket, rating: rating, comment: comment, tx: tx, at: at)
        }
    }

    /// A file of one of the customer's requests, when the customer may see it: sent with the
    /// request, or with a public comment. - Throws: `notFound` for any other.
    public func download(_ visitor: PortalVisitor, attachment id: AttachmentID) async throws -> (Attachment, [UInt8]) {
        let visible = try await store.transaction(visitor.tenant.id) { tx -> Bool in
            guard let file = try await tx.attachments.find(id: id),
                let ticket = try await tx.tickets.find(id: file.ticketID),
                ticket.requesterID == visitor.customer.id, ticket.parentID == nil
            else { return false }
            guard let commentID = file.commentID else { return Self.isRequestFile(file) }
            return try await tx.comments.find(id: commentID).map { $0.isPublic && $0.ticketID == ticket.id } ?? false
        }
        guard visible else { throw AppError.notFound("file") }
        return try await attachments.download(id, tenant: visitor.tenant.id)
    }

    /// The customer's own request with this number; anything else is not found.
    static func own(_ number: Int64, _ visitor: PortalVisitor, _ tx: any TenantTransaction) async throws -> Ticket {
        guard let ticket = try await tx.tickets.find(number: number), ticket.requesterID == visitor.customer.id,
            ticket.parentID == nil
        else { throw AppError.notFound("request") }
        return ticket
    }

    /// A file that came with the request itself, from the customer through an intake.
    static func isRequestFile(_ file: Attachment) -> Bool {
        file.commentID == nil && requestFileActors.contains(file.uploadedBy.description)
    }

    static let closed = AppError(
        .conflict, code: "ticket_closed", message: "a closed request takes no reply; submit a new request")
}
