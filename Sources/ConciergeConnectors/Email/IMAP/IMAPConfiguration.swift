/// Where and how ``IMAPClient`` reads mail: server, encryption, certificate trust, account,
/// mailbox and limits.
///
/// Printing or dumping a configuration never shows the password.
public struct IMAPConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// How the connection is encrypted.
    public enum Security: Sendable, Hashable {
        /// TLS from the first byte ("implicit TLS", IMAPS), usually on port 993: the default.
        case tls
        /// Plaintext first, then `STARTTLS` (RFC 3501 §6.2.1), usually on port 143. A server that
        /// does not offer it fails the poll before the password is sent.
        case startTLS
        /// No TLS at all: only allowed for a loopback host, or with
        /// ``IMAPConfiguration/allowsPlaintextToRemoteHost``.
        case plain
    }

    /// Which certificates the client accepts from the server.
    public enum CertificateTrust: Sendable, Hashable {
        /// The system's trust store, and the certificate must name the host: the default.
        case systemDefault
        /// Only certificates issued by the CA(s) in this PEM file, e.g. a company CA; the
        /// certificate must still name the host.
        case certificateAuthorityFile(String)
        /// No verification at all. - Important: only for local test servers; anyone on the path
        /// can read the mail and the password.
        case noVerification
    }

    /// The server's host name or IP address.
    public var host: String
    /// The address to connect to instead of resolving ``host`` (an address the caller resolved
    /// and checked); ``host`` still names the server for TLS.
    public var connectAddress: String?
    /// The server's port: 993 for ``Security/tls``, 143 otherwise.
    public var port: Int
    /// How the connection is encrypted.
    public var security: Security
    /// Which server certificates are accepted.
    public var certificateTrust: CertificateTrust
    /// The login name, often the mailbox address.
    public var username: String
    /// The password or app-specific token; any Unicode.
    public var password: String
    /// The mailbox to read, `INBOX` by default; other names may be any Unicode.
    public var mailbox: String
    /// Allows ``Security/plain`` to a host that is not loopback. Off by default: the password
    /// and the mail would cross the network in clear.
    public var allowsPlaintextToRemoteHost: Bool
    /// How long opening the TCP connection may take.
    public var connectTimeout: Duration
    /// How long the server may stay silent while the client waits for a response. Reset by every
    /// byte received, so a large message that keeps arriving never times out.
    public var commandTimeout: Duration
    /// The largest message fetched, in bytes (25 MiB by default); a larger one fails the poll
    /// with ``IMAPError/Kind/messageTooLarge`` before it is downloaded.
    public var maximumMessageSize: Int
    /// The most message bytes one batch holds in memory (64 MiB by default); a batch stops before
    /// the message that would exceed it, but always holds at least one message.
    public var maximumBatchBytes: Int

    /// Creates a configuration. `port` defaults to 993 for ``Security/tls`` and 143 otherwise.
    public init(
        host: String,
        port: Int? = nil,
        security: Security = .tls,
        certificateTrust: CertificateTrust = .systemDefault,
        username: String,
        password: String,
        mailbox: String = "INBOX",
        allowsPlaintextToRemoteHost: Bool = false,
        connectTimeout: Duration = .seconds(10),
        commandTimeout: Duration = .seconds(60),
        maximumMessageSize: Int = 25 * 1024 * 1024,
        maximumBatchBytes: Int = 64 * 1024 * 1024,
        connectAddress: String? = nil
    ) {
        self.host = host
        self.connectAddress = connectAddress
        self.port = port ?? (security == .tls ? 993 : 143)
        self.security = security
        self.certificateTrust = certificateTrust
        self.username = username
        self.password = password
        self.mailbox = mailbox
        self.allowsPlaintextToRemoteHost = allowsPlaintextToRemoteHost
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.maximumMessageSize = maximumMessageSize
        self.maximumBatchBytes = maximumBatchBytes
    }

    /// `IMAPConfiguration(imaps://agent@imap.example.com:993/INBOX, password: <redacted>)`.
    public var description: String {
        let scheme = security == .tls ? "imaps" : "imap"
        return "IMAPConfiguration(\(scheme)://\(username)@\(host):\(port)/\(mailbox), password: <redacted>)"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// Keeps `dump(_:)` and Mirror-based printing from showing the password.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "host": host, "port": port, "security": security, "username": username, "password": "<redacted>",
                "mailbox": mailbox,
            ])
    }
}
