/// Where ``InboundSMTPServer`` listens and the limits it enforces on every connection.
public struct InboundSMTPConfiguration: Sendable {
    /// A certificate and key in PEM files, for STARTTLS (RFC 3207).
    public struct TLS: Sendable, Hashable {
        /// The server's certificate, followed by any intermediate certificates.
        public var certificateChainFile: String
        /// The certificate's private key, unencrypted.
        public var privateKeyFile: String

        /// Creates a TLS configuration from two PEM files.
        public init(certificateChainFile: String, privateKeyFile: String) {
            self.certificateChainFile = certificateChainFile
            self.privateKeyFile = privateKeyFile
        }
    }

    /// The address to bind, e.g. `0.0.0.0`, `::` or `127.0.0.1`.
    public var host: String
    /// The port to bind; 0 picks a free one (see ``InboundSMTPServer/localAddress``).
    public var port: Int
    /// The name the server gives in its greeting and EHLO reply, e.g. `mx.concierge.example`.
    public var serverName: String
    /// Enables STARTTLS with this certificate; `nil` offers no TLS.
    public var tls: TLS?
    /// The largest message accepted, in bytes (25 MiB by default); announced with SIZE and
    /// refused with 552.
    public var maximumMessageSize: Int
    /// The most recipients in one transaction (100, the minimum RFC 5321 §4.5.3.1.8 asks for);
    /// more are refused with 452, and the client sends them in another transaction.
    public var maximumRecipients: Int
    /// The longest command line, CRLF included; longer ones are refused with 500. RFC 5321 allows
    /// 512, extensions such as SIZE and BODY a little more.
    public var maximumCommandLength: Int
    /// How long a client may stay silent while the server waits for it (5 minutes by default,
    /// RFC 5321 §4.5.3.2.7); it is then told `421` and disconnected.
    public var idleTimeout: Duration
    /// The most connections served at once; more are told `421` and closed.
    public var maximumConnections: Int

    /// Creates a configuration.
    public init(
        host: String = "0.0.0.0",
        port: Int = 25,
        serverName: String = "localhost",
        tls: TLS? = nil,
        maximumMessageSize: Int = 25 * 1024 * 1024,
        maximumRecipients: Int = 100,
        maximumCommandLength: Int = 1000,
        idleTimeout: Duration = .seconds(300),
        maximumConnections: Int = 100
    ) {
        self.host = host
        self.port = port
        self.serverName = serverName
        self.tls = tls
        self.maximumMessageSize = maximumMessageSize
        self.maximumRecipients = maximumRecipients
        self.maximumCommandLength = maximumCommandLength
        self.idleTimeout = idleTimeout
        self.maximumConnections = maximumConnections
    }
}
