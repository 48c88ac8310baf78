/// What the server accepted when a message was delivered.
///
/// Delivery succeeded if the server accepted the message for at least one recipient; the
/// recipients it refused are listed so the pipeline can log them and retry the retryable ones.
public struct SMTPDeliveryReport: Sendable, Hashable {
    /// The Message-ID of the delivered message, `<…@…>`; `nil` for raw messages sent without one.
    public let messageID: String?
    /// Envelope recipients the server accepted.
    public let acceptedRecipients: [String]
    /// Envelope recipients the server refused, each with its reply.
    public let refusedRecipients: [SMTPRecipientRefusal]
    /// The server's reply to the end of the data, e.g. `250 2.0.0 OK queued as 4F2A1`.
    public let reply: SMTPReply
    /// Whether the message travelled over TLS (implicit or STARTTLS).
    public let wasEncrypted: Bool

    /// Creates a report; the client makes these.
    public init(
        messageID: String?, acceptedRecipients: [String], refusedRecipients: [SMTPRecipientRefusal],
        reply: SMTPReply, wasEncrypted: Bool
    ) {
        self.messageID = messageID
        self.acceptedRecipients = acceptedRecipients
        self.refusedRecipients = refusedRecipients
        self.reply = reply
        self.wasEncrypted = wasEncrypted
    }
}
