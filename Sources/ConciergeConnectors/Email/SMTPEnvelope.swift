/// The sender and recipients given to the server with `MAIL FROM` and `RCPT TO`.
///
/// These decide who receives the message, independently of its To/Cc headers: Bcc recipients are
/// in the envelope only.
public struct SMTPEnvelope: Sendable, Hashable {
    /// The return path for bounces; empty for messages that must not bounce (RFC 5321 §4.5.5).
    public var sender: String
    /// Every mailbox to deliver to.
    public var recipients: [String]

    /// Creates an envelope.
    public init(sender: String, recipients: [String]) {
        self.sender = sender
        self.recipients = recipients
    }

    /// Refuses addresses that could smuggle extra commands or parameters into `MAIL FROM` and
    /// `RCPT TO` (line breaks, spaces, angle brackets), and non-ASCII ones, which need SMTPUTF8.
    func validated() throws(SMTPError) -> SMTPEnvelope {
        guard !recipients.isEmpty else {
            throw SMTPError(kind: .invalidMessage, detail: EmailMessageError.noRecipients.description)
        }
        // An empty sender is the null reverse-path, allowed; an empty recipient is not.
        for address in recipients + (sender.isEmpty ? [] : [sender]) where !EmailAddress.isValidAddress(address) {
            throw SMTPError(kind: .invalidMessage, detail: EmailMessageError.invalidAddress(address).description)
        }
        return self
    }
}
