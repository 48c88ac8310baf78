import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird

/// A ticket in JSON (snake_case keys): the names integrations rely on. Lists and single
/// tickets are written by ``JSONWriter`` (see `TicketRepresentation+JSONWriter.swift`).
struct TicketRepresentation: ResponseEncodable {
    var id: String
    var number: Int64
    var subject: String
    var description: String
    var status: String
    var priority: String
    var type: String
    var channel: String
    var requesterId: String
    var requester: RequesterRepresentation?
    var organizationId: String?
    var assigneeId: String?
    var groupId: String?
    var followerIds: [String]
    var tags: [String]
    var customFields: [String: JSONValue]
    var dueAt: Date?
    var form: String?
    var assetId: String?
    var parentId: String?
    var mergedIntoId: String?
    var createdAt: Date
    var updatedAt: Date
    var firstResponseAt: Date?
    var solvedAt: Date?
    var closedAt: Date?
    /// The next (or an unmet past) SLA target, for "breaches in 25 min" badges.
    var slaBreachAt: Date?
    var version: Int

    init(_ ticket: Ticket, requester: Customer?) {
        id = ticket.id.description
        number = ticket.number
        subject = ticket.subject
        description = ticket.description
        status = ticket.status.rawValue
        priority = ticket.priority.rawValue
        type = ticket.type.rawValue
        channel = ticket.channel.rawValue
        requesterId = ticket.requesterID.description
        self.requester = requester.map(RequesterRepresentation.init)
        organizationId = ticket.organizationID?.description
        assigneeId = ticket.assigneeID?.description
        groupId = ticket.groupID?.description
        followerIds = ticket.followerIDs.map(\.description)
        tags = ticket.tags
        customFields = ticket.customFields
        dueAt = ticket.dueAt
        form = ticket.formKey
        assetId = ticket.assetID?.description
        parentId = ticket.parentID?.description
        mergedIntoId = ticket.mergedIntoID?.description
        createdAt = ticket.createdAt
        updatedAt = ticket.updatedAt
        firstResponseAt = ticket.firstResponseAt
        solvedAt = ticket.solvedAt
        closedAt = ticket.closedAt
        slaBreachAt = ticket.slaBreachAt
        version = ticket.version
    }
}

/// The requester summary embedded in a ticket.
struct RequesterRepresentation: Encodable, Sendable {
    var id: String
    var name: String
    var email: String?
    var phone: String?
    var tier: String

    init(_ customer: Customer) {
        id = customer.id.description
        name = customer.name
        email = customer.emails.first
        phone = customer.phones.first
        tier = customer.tier
    }
}

/// A comment in JSON; `author_type` is `user`, `customer` or `system`.
struct CommentRepresentation: ResponseEncodable {
    var id: String
    var ticketId: String
    var authorType: String
    var authorId: String
    var body: String
    var `public`: Bool
    var channel: String
    var mentionIds: [String]
    var attachments: [AttachmentRepresentation]
    var createdAt: Date

    init(_ comment: Comment, attachments: [Attachment] = []) {
        self.attachments = attachments.map(AttachmentRepresentation.init)
        id = comment.id.description
        ticketId = comment.ticketID.description
        switch comment.author {
        case .user(let user): (authorType, authorId) = ("user", user.description)
        case .customer(let customer): (authorType, authorId) = ("customer", customer.description)
        case .system(let name): (authorType, authorId) = ("system", name)
        }
        body = comment.body
        self.public = comment.isPublic
        channel = comment.channel.rawValue
        mentionIds = comment.mentionIDs.map(\.description)
        createdAt = comment.createdAt
    }
}
