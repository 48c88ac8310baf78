import Foundation

public enum AttachmentTag {}
/// Identifies an uploaded file.
public typealias AttachmentID = TypedID<AttachmentTag>

/// A file uploaded to a ticket (a photo of the machine, a signed service report). The bytes
/// live in attachment storage under ``storageKey``; the row keeps what describes them.
public struct Attachment: Sendable, Equatable {
    public var id: AttachmentID
    public var tenantID: TenantID
    public var ticketID: TicketID
    /// The comment it was sent with, once linked.
    public var commentID: CommentID?
    public var filename: String
    public var contentType: String
    public var sizeBytes: Int64
    /// Hex SHA-256 of the bytes, for integrity checks and de-duplication.
    public var sha256: String
    public var storageKey: String
    public var uploadedBy: Actor
    public var createdAt: Date

    public init(
        id: AttachmentID, tenantID: TenantID, ticketID: TicketID, commentID: CommentID?, filename: String,
        contentType: String,
        sizeBytes: Int64, sha256: String, storageKey: String, uploadedBy: Actor, createdAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.ticketID = ticketID
        self.commentID = commentID
        self.filename = filename
        self.contentType = contentType
        self.sizeBytes = sizeBytes
        self.sha256 = sha256
        self.storageKey = storageKey
        self.uploadedBy = uploadedBy
        self.createdAt = createdAt
    }
}
