import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// `/api/v1/notifications`: the signed-in user's in-app feed.
struct NotificationRoutes {
    let services: HTTPServices

    func register(on api: RouterGroup<TenantContext>) {
        api.get("notifications", requires: .ticketsRead) { request, context in
            let query = request.uri.queryParameters
            let cursor: UUID?
            if let text = query["cursor"].map(String.init) {
                guard let parsed = UUID(uuidString: text) else {
                    throw AppError(
                        .invalidInput, code: "invalid_parameter", message: "cursor is not valid", field: "cursor")
                }
                cursor = parsed
            } else {
                cursor = nil
            }
            let limit = try request.pageLimit()
            let feed = try await services.notifications.feed(
                for: context.identity, before: cursor, limit: limit, unreadOnly: query["unread"] == "true")
            return NotificationPage(
                notifications: feed.notifications.map(NotificationRepresentation.init), unreadCount: feed.unread,
                nextCursor: feed.notifications.count == limit
                    ? feed.notifications.last?.id.uuidString.lowercased() : nil)
        }
        api.post("notifications/read", requires: .ticketsRead) { request, context in
            let body = try await request.decodeBody(as: MarkReadBody.self, context: context)
            guard body.all == true || body.ids != nil else {
                throw AppError(.invalidInput, code: "missing_field", message: "send ids or all: true", field: "ids")
            }
            let changed = try await services.notifications.markRead(
                for: context.identity, ids: body.all == true ? nil : body.ids)
            return MarkReadResult(marked: changed)
        }
    }
}

struct MarkReadBody: Decodable, Sendable {
    var ids: [UUID]?
    var all: Bool?
}

struct MarkReadResult: ResponseEncodable {
    var marked: Int
}

struct NotificationPage: ResponseEncodable {
    var notifications: [NotificationRepresentation]
    var unreadCount: Int
    var nextCursor: String?
}

/// One entry of the feed.
struct NotificationRepresentation: Encodable, Sendable {
    var id: UUID
    var ticketId: TicketID?
    var kind: String
    var title: String
    var body: String
    var source: String
    var createdAt: Date
    var readAt: Date?

    init(_ notification: InAppNotification) {
        id = notification.id
        ticketId = notification.ticketID
        kind = notification.kind
        title = notification.title
        body = notification.body
        source = notification.source
        createdAt = notification.createdAt
        readAt = notification.readAt
    }
}
