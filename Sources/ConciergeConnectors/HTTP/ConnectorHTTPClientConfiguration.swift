/// How ``ConnectorHTTPClient`` reaches the outside: which destinations, which certificates,
/// how much it reads and how far it follows redirects.
public struct ConnectorHTTPClientConfiguration: Sendable {
    /// Which server certificates the client accepts for `https` URLs.
    public enum CertificateTrust: Sendable, Hashable {
        /// The system's trust store, and the certificate must name the host: the default.
        case systemDefault
        /// Only certificates issued by the CA(s) in this PEM file, e.g. a company CA or a test
        /// CA; the certificate must still name the host.
        case certificateAuthorityFile(String)
        /// No verification of the server's certificate at all.
        ///
        /// - Important: Never in production. Anyone on the path can read and change the request,
        ///   including its tokens. It exists for a developer's throwaway setup only, and the
        ///   client logs a warning when it is created with it.
        case insecureNoCertificateVerification
    }

    /// The SSRF guard, asked on every hop. Default: the strict policy for shared deployments.
    public var addressPolicy: OutboundAddressPolicy
    /// Which server certificates are accepted.
    public var certificateTrust: CertificateTrust
    /// The largest response body read, in bytes; a larger one fails with
    /// ``ConnectorHTTPError/responseTooLarge(limit:)``. Default 1 MiB.
    public var maximumResponseBodySize: Int
    /// How many redirects are followed before ``ConnectorHTTPError/tooManyRedirects``. Default 5.
    public var maximumRedirects: Int
    /// Header names (any case) removed when a redirect leaves the origin (scheme, host or port
    /// changes), because they carry credentials meant for the first server only.
    public var sensitiveHeaders: Set<String>
    /// Sent as `User-Agent` unless the request has its own.
    public var userAgent: String

    /// The headers that always carry credentials; add vendor ones such as `X-Api-Key`.
    public static let standardSensitiveHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie"]

    /// Creates a configuration; the defaults suit a shared deployment talking to public APIs.
    public init(
        addressPolicy: OutboundAddressPolicy = OutboundAddressPolicy(),
        certificateTrust: CertificateTrust = .systemDefault,
        maximumResponseBodySize: Int = 1 << 20,
        maximumRedirects: Int = 5,
        sensitiveHeaders: Set<String> = Self.standardSensitiveHeaders,
        userAgent: String = "Concierge-Connector/1"
    ) {
        self.addressPolicy = addressPolicy
        self.certificateTrust = certificateTrust
        self.maximumResponseBodySize = maximumResponseBodySize
        self.maximumRedirects = maximumRedirects
        self.sensitiveHeaders = sensitiveHeaders
        self.userAgent = userAgent
    }
}
