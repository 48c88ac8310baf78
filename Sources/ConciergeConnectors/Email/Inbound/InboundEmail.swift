import Foundation

/// An email received from a customer, read from its raw RFC 5322 / MIME form by
/// `InboundEmail.parse(_:limits:)`: addresses, decoded subject, threading identifiers, the text
/// and HTML bodies, attachments, and every header field.
public struct InboundEmail: Sendable, Equatable {
    /// The first mailbox of `From`, or nil when the field is missing or holds none.
    public var from: EmailAddress?
    /// The mailboxes of `Reply-To`; replies go there instead of to `from` when it is not empty.
    public var replyTo: [EmailAddress]
    /// The mailboxes of `To`.
    public var to: [EmailAddress]
    /// The mailboxes of `Cc`.
    public var cc: [EmailAddress]
    /// The subject with encoded-words decoded and folding undone; empty when missing.
    public var subject: String
    /// `Message-ID` without angle brackets.
    public var messageID: String?
    /// The identifiers of `In-Reply-To`, without angle brackets.
    public var inReplyTo: [String]
    /// The identifiers of `References`, oldest first, without angle brackets.
    public var references: [String]
    /// When the sender says the message was written, from `Date`.
    public var date: Date?
    /// The plain-text body with `\n` line ends; converted from the HTML body when the message has
    /// no text part; empty when it has neither.
    public var textBody: String
    /// The HTML body as sent, nil when the message has none.
    public var htmlBody: String?
    /// Attachments, inline images and attached messages, in message order.
    public var attachments: [InboundAttachment]
    /// Every header field of the top-level entity, in order.
    public var headers: InboundHeaders
    /// Why the message was sent by a machine, or nil when a person sent it. Automatic messages
    /// must neither open tickets nor be answered automatically, or two systems reply forever.
    public var automation: InboundAutomation?
}
