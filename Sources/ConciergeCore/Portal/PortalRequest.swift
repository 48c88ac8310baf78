import ConciergeDomain
import Foundation

/// A page of the customer's requests, newest activity first.
public struct PortalRequestPage: Sendable {
    public var tickets: [Ticket]
    public var nextCursor: String?
}

/// One of the customer's requests with what the customer may see of it: the public
/// conversation, the files of the request and of its public replies, the customer-visible
/// custom fields, the device, and the satisfaction rating.
public struct PortalRequest: Sendable {
    public var ticket: Ticket
    /// Public comments only, oldest first.
    public var comments: [Comment]
    /// Files of the original request (submitted with it through a form, an email or a webhook).
    public var requestFiles: [Attachment]
    /// Files of the public comments, by comment.
    public var commentFiles: [CommentID: [Attachment]]
    /// The names of the agents who wrote public comments.
    public var agentNames: [UserID: String]
    /// The names of other customers who wrote public comments (copied people, a merged request).
    public var customerNames: [CustomerID: String]
    /// Customer-visible custom fields with values, in the tenant's field order.
    public var fields: [(definition: CustomFieldDefinition, value: JSONValue)]
    /// The device the request is about.
    public var asset: Asset?
    /// The CSAT survey of the request, once it was solved.
    public var survey: SatisfactionSurvey?
    /// The number of the request this one was merged into, when that one is the customer's too.
    public var mergedIntoNumber: Int64?
    /// Whether the customer can still rate it (solved or closed, not rated, not expired).
    public var canRate: Bool
}

/// A file the customer sends with a reply.
public struct PortalUpload: Sendable {
    public var filename: String
    public var contentType: String
    public var bytes: [UInt8]

    public init(filename: String, contentType: String, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}
