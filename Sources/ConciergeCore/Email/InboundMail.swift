import ConciergeDomain
import Foundation

/// An inbound email as the intake needs it, read from the raw message by an adapter (the
/// MIME parser of ConciergeConnectors, behind ``InboundMailParser``).
public struct InboundMail: Sendable, Equatable {
    /// The Message-ID, without angle brackets (`nil` when the message has none).
    public var messageID: String?
    /// The ids the message answers (In-Reply-To, then References), without angle brackets.
    public var inReplyTo: [String]
    public var references: [String]
    /// The sender's address as written (normalised by the intake) and display name.
    public var fromAddress: String?
    public var fromName: String?
    /// The subject without reply prefixes (`Re:`, `回复：`) and without the ticket tag.
    public var subject: String
    /// The number in a `[#1234]` ticket tag of the subject.
    public var ticketNumber: Int64?
    /// The whole text (HTML turned into text when the message has no plain part).
    public var text: String
    /// The new part of a reply: the text above the quoted message.
    public var replyText: String
    public var attachments: [InboundMailAttachment]
    /// Why the message was sent by a machine (auto-reply, bounce, list), if it was.
    public var automatic: String?

    public init(
        messageID: String?, inReplyTo: [String], references: [String], fromAddress: String?, fromName: String?,
        subject: String, ticketNumber: Int64?, text: String, replyText: String, attachments: [InboundMailAttachment],
        automatic: String?
    ) {
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.subject = subject
        self.ticketNumber = ticketNumber
        self.text = text
        self.replyText = replyText
        self.attachments = attachments
        self.automatic = automatic
    }
}

/// A file that came with an inbound email.
public struct InboundMailAttachment: Sendable, Equatable {
    public var filename: String
    public var contentType: String
    public var bytes: [UInt8]

    public init(filename: String, contentType: String, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}

/// Reads raw RFC 5322 bytes into an ``InboundMail``.
public protocol InboundMailParser: Sendable {
    /// - Throws: when the bytes are not a message (empty, no header, over the size limit).
    func parse(_ raw: [UInt8]) throws -> InboundMail
}
