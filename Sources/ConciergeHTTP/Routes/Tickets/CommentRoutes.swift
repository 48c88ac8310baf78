import ConciergeCore
import ConciergeDomain
import Hummingbird

/// `/api/v1/tickets/{id}/comments`: public replies and internal notes.
struct CommentRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.post("tickets/:ticket/comments", requires: .ticketsWrite) { request, context in
            let body = try await request.decodeBody(as: CommentCreateBody.self, context: context)
            let identity = context.identity
            let author: CommentAuthor
            if let user = identity.userID {
                author = .user(user)
            } else if let authorID = body.authorId {
                _ = try await services.users.get(authorID, tenant: identity.tenantID)
                author = .user(authorID)
            } else {
                author = .system(identity.actor.description)
            }
            let comment = try await services.conversation.add(
                .init(
                    body: body.body, isPublic: body.public ?? true, channel: body.channel ?? .api,
                    attachmentIDs: body.attachmentIds ?? []),
                to: try context.ticket(), author: author, actor: identity.actor, tenant: identity.tenantID)
            let attachments = try await services.attachments.list(.id(comment.ticketID), tenant: identity.tenantID)
                .filter { $0.commentID == comment.id }
            return EditedResponse(
                status: .created,
                response: Wrapped(key: "comment", item: CommentRepresentation(comment, attachments: attachments)))
        }
        api.get("tickets/:ticket/comments", requires: .ticketsRead) { request, context in
            let limit = try request.pageLimit(default: 100, max: 500)
            let cursor: CommentID? = try request.uri.queryParameters["cursor"].map {
                guard let id = CommentID(String($0)) else {
                    throw AppError(
                        .invalidInput, code: "invalid_parameter", message: "cursor is not valid", field: "cursor")
                }
                return id
            }
            let comments = try await services.conversation.list(
                try context.ticket(), includeInternal: true, after: cursor, limit: limit,
                tenant: context.identity.tenantID)
            let attachments = Dictionary(
                grouping: try await services.attachments.list(try context.ticket(), tenant: context.identity.tenantID),
                by: \.commentID)
            return Page(
                key: "comments",
                items: comments.map { CommentRepresentation($0, attachments: attachments[$0.id] ?? []) },
                nextCursor: comments.count == limit ? comments.last?.id.description : nil)
        }
    }
}
