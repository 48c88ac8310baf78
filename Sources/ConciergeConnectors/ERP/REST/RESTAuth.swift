/// How a ``RESTClient`` proves who it is to a vendor API.
///
/// The secrets live in the associated values; ``description``, ``debugDescription`` and the
/// mirror name the scheme and the public parts only, so logging an auth value never leaks them.
public enum RESTAuth: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// No credentials: the vendor adapter runs its own handshake (Odoo, Kingdee, Yonyou).
    case none
    /// `Authorization: Basic base64(username:password)`.
    case basic(username: String, password: String)
    /// `Authorization: Bearer <token>`, e.g. a HubSpot private-app token.
    case bearer(token: String)
    /// OAuth 2.0 client credentials (RFC 6749 §4.4): a form `POST` to `tokenURL`, the token
    /// cached until shortly before `expires_in` and fetched anew once when the API answers 401.
    case oauth2ClientCredentials(tokenURL: String, clientID: String, clientSecret: String, scope: String?)
    /// An HMAC-SHA256 signature over method, path, timestamp and body hash; see ``HMACSigningKey``.
    case hmac(HMACSigningKey)

    /// The scheme and its public parts, never a secret.
    public var description: String {
        switch self {
        case .none: return "RESTAuth.none"
        case .basic(let username, _): return "RESTAuth.basic(username: \(username), password: redacted)"
        case .bearer: return "RESTAuth.bearer(token: redacted)"
        case .oauth2ClientCredentials(let tokenURL, let clientID, _, let scope):
            let redactedURL = (try? ConnectorURL.parse(tokenURL).redacted) ?? "(invalid URL)"
            return "RESTAuth.oauth2ClientCredentials(tokenURL: \(redactedURL), clientID: \(clientID), "
                + "clientSecret: redacted, scope: \(scope ?? "-"))"
        case .hmac(let key): return "RESTAuth.hmac(\(key))"
        }
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// An empty mirror, so `dump` cannot print the secrets either.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .enum) }
}
