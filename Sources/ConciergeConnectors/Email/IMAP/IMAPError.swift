/// Why reading a mailbox over IMAP failed, and whether trying again later can help.
///
/// Keeps what the poller's log needs: what failed (``kind``), the command (never with the
/// password: `LOGIN` is kept as `LOGIN <username> ***`), the server's text and the cause in words.
public struct IMAPError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, at the level at which the poller decides what to do.
    public enum Kind: String, Sendable, Hashable {
        /// The TCP connection could not be opened: refused, unreachable, name not resolved.
        case connectionFailed
        /// The connection broke or the server closed it (e.g. after `BYE`) in mid-conversation.
        case connectionClosed
        /// Connecting took too long, or the server stayed silent for longer than the configured time.
        case timeout
        /// The TLS handshake failed, e.g. because the server's certificate is not trusted.
        case tlsFailed
        /// The configuration requires STARTTLS but the server does not offer it.
        case startTLSNotOffered
        /// The server refused the username and password (`NO` to `LOGIN`), or forbids login here.
        case authenticationFailed
        /// The server refused to select the mailbox: it does not exist or may not be read.
        case mailboxNotFound
        /// The mailbox's UIDVALIDITY is not the one the UIDs were taken from: they mean other
        /// messages now, so nothing was marked.
        case uidValidityChanged
        /// The server answered a command with `NO` or `BAD`.
        case commandFailed
        /// The server's responses do not follow the IMAP grammar or the conversation's order.
        case protocolViolation
        /// A message is larger than ``IMAPConfiguration/maximumMessageSize``; ``IMAPError/uid``
        /// names it when known, so the poller can skip it.
        case messageTooLarge
        /// The configuration cannot be used, e.g. an unreadable CA file or plaintext to a remote host.
        case invalidConfiguration
    }

    /// What went wrong.
    public var kind: Kind
    /// The command that failed, as logged (without the password); `nil` before any command.
    public var command: String?
    /// The server's text for a refused command, e.g. `[AUTHENTICATIONFAILED] Authentication failed.`
    public var serverText: String?
    /// The underlying cause in words, for the log (never a credential).
    public var detail: String?
    /// For ``Kind/messageTooLarge``: the message's UID, when the server said it.
    public var uid: UInt32?

    /// Creates an error; the client makes these, tests and adapters may too.
    public init(
        kind: Kind, command: String? = nil, serverText: String? = nil, detail: String? = nil, uid: UInt32? = nil
    ) {
        self.kind = kind
        self.command = command
        self.serverText = serverText
        self.detail = detail
        self.uid = uid
    }

    /// Whether the same poll may succeed later: network trouble and refusals of a working server
    /// are retryable; bad credentials, a missing mailbox, TLS and configuration problems are not
    /// until someone changes something.
    public var isRetryable: Bool {
        switch kind {
        case .connectionFailed, .connectionClosed, .timeout, .commandFailed, .uidValidityChanged:
            return true
        case .tlsFailed, .startTLSNotOffered, .authenticationFailed, .mailboxNotFound, .protocolViolation,
            .messageTooLarge, .invalidConfiguration:
            return false
        }
    }

    /// One line for the log: kind, command, server text, detail.
    public var description: String {
        var parts = ["imap \(kind.rawValue)"]
        if let command { parts.append("after \(command)") }
        if let serverText { parts.append("server said \(serverText)") }
        if let uid { parts.append("uid \(uid)") }
        if let detail { parts.append(detail) }
        return parts.joined(separator: ": ")
    }
}
