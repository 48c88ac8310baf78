/// Who sent a received message to whom, as the sending server said it in the SMTP
/// conversation: independent of the message's own From and To headers.
public struct InboundSMTPEnvelope: Sendable, Hashable {
    /// The reverse path from `MAIL FROM`; empty for bounces (the null path `<>`).
    public let mailFrom: String
    /// The accepted recipients from `RCPT TO`, in the order given, refused ones left out.
    public let recipients: [String]
    /// The sending server's IP address, when known.
    public let remoteAddress: String?
    /// The name the sending server gave in EHLO or HELO.
    public let helo: String
    /// Whether the message travelled over TLS (STARTTLS).
    public let wasEncrypted: Bool

    /// Creates an envelope; the server makes these, tests may too.
    public init(mailFrom: String, recipients: [String], remoteAddress: String?, helo: String, wasEncrypted: Bool) {
        self.mailFrom = mailFrom
        self.recipients = recipients
        self.remoteAddress = remoteAddress
        self.helo = helo
        self.wasEncrypted = wasEncrypted
    }
}
