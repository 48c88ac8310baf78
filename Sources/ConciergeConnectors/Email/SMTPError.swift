/// Why an SMTP delivery failed, and whether trying again later can help.
///
/// Everything the delivery log needs is here: what failed (``kind``), the command that failed
/// and the server's reply with its code and text. Credentials never appear in it: the command of
/// an `AUTH` exchange is kept as `AUTH PLAIN` or `AUTH LOGIN` only.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, at the level at which the delivery pipeline decides what to do.
    public enum Kind: String, Sendable, Hashable {
        /// The TCP connection could not be opened: refused, unreachable, name not resolved.
        case connectionFailed
        /// The connection broke or the server closed it in the middle of the conversation.
        case connectionClosed
        /// Connecting or waiting for a reply took longer than the configuration allows.
        case timeout
        /// The TLS handshake failed, e.g. because the server's certificate is not trusted.
        case tlsFailed
        /// The configuration requires STARTTLS but the server did not offer it.
        case startTLSNotOffered
        /// The server refused the credentials (535) or could not check them now (454).
        case authenticationFailed
        /// Credentials are configured but the server offers neither AUTH PLAIN nor AUTH LOGIN.
        case authenticationNotSupported
        /// Credentials are configured, the connection is not encrypted and the configuration
        /// does not allow sending the password in clear.
        case authenticationRequiresTLS
        /// The server answered a command with a 4xx or 5xx reply.
        case rejected
        /// The server refused every recipient; ``SMTPError/refusedRecipients`` says why each.
        case allRecipientsRefused
        /// The server's replies do not follow the SMTP grammar.
        case protocolViolation
        /// The message or envelope cannot be sent as given (see ``EmailMessageError``).
        case invalidMessage
        /// The client configuration cannot be used, e.g. an unreadable CA file.
        case invalidConfiguration
    }

    /// What went wrong.
    public var kind: Kind
    /// The command the server refused, e.g. `RCPT TO:<a@example.com>`; `nil` before any command.
    public var command: String?
    /// The server's reply, when the failure is a reply.
    public var reply: SMTPReply?
    /// The underlying cause in words, for the log (never a credential).
    public var detail: String?
    /// For ``Kind/allRecipientsRefused``: each recipient with the reply that refused it.
    public var refusedRecipients: [SMTPRecipientRefusal]

    /// Creates an error; the client makes these, tests and adapters may too.
    public init(
        kind: Kind, command: String? = nil, reply: SMTPReply? = nil, detail: String? = nil,
        refusedRecipients: [SMTPRecipientRefusal] = []
    ) {
        self.kind = kind
        self.command = command
        self.reply = reply
        self.detail = detail
        self.refusedRecipients = refusedRecipients
    }

    /// Whether the same delivery may succeed later: 4xx replies and network trouble are
    /// retryable; 5xx replies, bad credentials and configuration mismatches are permanent.
    public var isRetryable: Bool {
        switch kind {
        case .connectionFailed, .connectionClosed, .timeout:
            return true
        case .rejected, .authenticationFailed:
            return reply?.isTransientFailure ?? false
        case .allRecipientsRefused:
            // Retrying helps if any recipient was refused only for now; those refused for good
            // are refused again, which costs one command each.
            return refusedRecipients.contains(where: \.isRetryable)
        case .tlsFailed, .startTLSNotOffered, .authenticationNotSupported, .authenticationRequiresTLS,
            .protocolViolation, .invalidMessage, .invalidConfiguration:
            return false
        }
    }

    /// One line for the delivery log: kind, command, reply code and text, detail.
    public var description: String {
        var parts = ["smtp \(kind.rawValue)"]
        if let command { parts.append("after \(command)") }
        if let reply { parts.append("server replied \(reply)") }
        if !refusedRecipients.isEmpty {
            parts.append("refused: " + refusedRecipients.map(\.description).joined(separator: "; "))
        }
        if let detail { parts.append(detail) }
        return parts.joined(separator: ": ")
    }
}
