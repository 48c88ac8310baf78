/// Where and how ``SMTPClient`` connects: server, encryption, certificate trust, credentials
/// and time limits.
public struct SMTPConfiguration: Sendable {
    /// How the connection is encrypted.
    public enum Security: Sendable, Hashable {
        /// No TLS at all: only for a relay on the same host or a private network.
        case plaintext
        /// STARTTLS when the server offers it, plaintext otherwise. Credentials still need TLS
        /// unless ``SMTPConfiguration/allowsCredentialsWithoutTLS`` is set.
        case opportunistic
        /// STARTTLS is required: a server that does not offer it fails the delivery permanently.
        case startTLS
        /// TLS from the first byte ("implicit TLS", SMTPS), usually on port 465.
        case tls
    }

    /// Which certificates the client accepts from the server.
    public enum CertificateTrust: Sendable, Hashable {
        /// The system's trust store, and the certificate must name the host: the default.
        case systemDefault
        /// Only certificates issued by the CA(s) in this PEM file, e.g. a company CA; the
        /// certificate must still name the host.
        case certificateAuthorityFile(String)
        /// No verification at all. - Important: only for local test servers; anyone on the
        /// path can read and change the mail and the password.
        case noVerification
    }

    /// The server's host name or IP address.
    public var host: String
    /// The server's port: 587 (submission), 465 (implicit TLS) or 25.
    public var port: Int
    /// How the connection is encrypted.
    public var security: Security
    /// Which server certificates are accepted.
    public var certificateTrust: CertificateTrust
    /// Credentials for AUTH; `nil` for a relay that accepts mail without them.
    public var credentials: SMTPCredentials?
    /// Allows sending credentials over an unencrypted connection. Off by default: with
    /// ``Security/opportunistic`` an attacker who strips STARTTLS would otherwise get the password.
    public var allowsCredentialsWithoutTLS: Bool
    /// The name the client gives in EHLO/HELO; some servers score mail by it, so production
    /// should set the host's public name.
    public var clientHostname: String
    /// How long opening the TCP connection may take.
    public var connectTimeout: Duration
    /// How long the server may take to answer the greeting and each command.
    public var commandTimeout: Duration
    /// How long the server may take to accept the message after its last byte; servers scan the
    /// content then, so RFC 5321 §4.5.3.2 suggests minutes rather than seconds.
    public var dataTimeout: Duration

    /// Creates a configuration. `port` defaults to 465 for ``Security/tls`` and 587 otherwise.
    public init(
        host: String,
        port: Int? = nil,
        security: Security = .startTLS,
        certificateTrust: CertificateTrust = .systemDefault,
        credentials: SMTPCredentials? = nil,
        allowsCredentialsWithoutTLS: Bool = false,
        clientHostname: String = "localhost",
        connectTimeout: Duration = .seconds(10),
        commandTimeout: Duration = .seconds(30),
        dataTimeout: Duration = .seconds(120)
    ) {
        self.host = host
        self.port = port ?? (security == .tls ? 465 : 587)
        self.security = security
        self.certificateTrust = certificateTrust
        self.credentials = credentials
        self.allowsCredentialsWithoutTLS = allowsCredentialsWithoutTLS
        self.clientHostname = clientHostname
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.dataTimeout = dataTimeout
    }
}
