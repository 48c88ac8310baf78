/// A recipient the server refused at `RCPT TO`, with its reply.
///
/// A refusal of one recipient does not stop delivery to the others, so refusals are reported
/// alongside a successful delivery (``SMTPDeliveryReport/refusedRecipients``) and the pipeline
/// can retry or give up per recipient.
public struct SMTPRecipientRefusal: Sendable, Hashable, CustomStringConvertible {
    /// The refused address, as given in the envelope.
    public let address: String
    /// The server's reply to `RCPT TO` for this address.
    public let reply: SMTPReply

    /// Creates a refusal record.
    public init(address: String, reply: SMTPReply) {
        self.address = address
        self.reply = reply
    }

    /// A 4xx refusal (mailbox busy, greylisting, over quota for now) may succeed later.
    public var isRetryable: Bool { reply.isTransientFailure }

    /// `nobody@example.com: 550 5.1.1 User unknown`.
    public var description: String { "\(address): \(reply)" }
}
