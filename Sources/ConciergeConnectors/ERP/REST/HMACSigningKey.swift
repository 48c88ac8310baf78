import Crypto
import Foundation

/// The key and header names of ``RESTAuth/hmac(_:)`` request signing, for gateways that sign
/// requests with a shared secret instead of tokens.
///
/// The string to sign is four lines joined by `\n` (no trailing newline):
///
/// ```text
/// POST                                   ← the method, upper case
/// /api/v1/orders?page=2                  ← the path and query exactly as sent
/// 1714550400                             ← Unix time in seconds, also sent in timestampHeader
/// 9f86d081884c7d65…                      ← lower-case hex SHA-256 of the body (of "" when empty)
/// ```
///
/// The signature is Base64(HMAC-SHA256(secret, stringToSign)) and goes in ``signatureHeader``;
/// ``keyID`` goes in ``keyIDHeader`` so the receiver knows which secret to check with.
public struct HMACSigningKey: Sendable, Equatable, CustomStringConvertible {
    /// Names the secret at the receiver; sent in clear.
    public var keyID: String
    /// The shared secret; never sent, never printed.
    public var secret: String
    /// Carries ``keyID``. Default `X-Key-Id`.
    public var keyIDHeader: String
    /// Carries the Unix timestamp in seconds. Default `X-Timestamp`.
    public var timestampHeader: String
    /// Carries the Base64 signature. Default `X-Signature`.
    public var signatureHeader: String

    /// Creates a key with the default header names unless given others.
    public init(
        keyID: String, secret: String, keyIDHeader: String = "X-Key-Id", timestampHeader: String = "X-Timestamp",
        signatureHeader: String = "X-Signature"
    ) {
        self.keyID = keyID
        self.secret = secret
        self.keyIDHeader = keyIDHeader
        self.timestampHeader = timestampHeader
        self.signatureHeader = signatureHeader
    }

    /// The text that is signed; see the type's documentation for its lines.
    public static func stringToSign(method: String, pathAndQuery: String, timestamp: Int64, body: [UInt8]) -> String {
        let bodyHash = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        return [method.uppercased(), pathAndQuery, String(timestamp), bodyHash].joined(separator: "\n")
    }

    /// Base64(HMAC-SHA256(secret, stringToSign)) for one request.
    public func signature(method: String, pathAndQuery: String, timestamp: Int64, body: [UInt8]) -> String {
        let text = Self.stringToSign(method: method, pathAndQuery: pathAndQuery, timestamp: timestamp, body: body)
        let code = HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: Array(secret.utf8)))
        return Data(code).base64EncodedString()
    }

    /// The three headers for one request made at `timestamp`.
    public func headers(method: String, pathAndQuery: String, timestamp: Int64, body: [UInt8])
        -> [ConnectorHTTPHeader]
    {
        [
            ConnectorHTTPHeader(keyIDHeader, keyID),
            ConnectorHTTPHeader(timestampHeader, String(timestamp)),
            ConnectorHTTPHeader(
                signatureHeader,
                signature(method: method, pathAndQuery: pathAndQuery, timestamp: timestamp, body: body)),
        ]
    }

    /// The key id and header names, without the secret.
    public var description: String {
        "HMACSigningKey(keyID: \(keyID), secret: redacted, "
            + "headers: \(keyIDHeader)/\(timestampHeader)/\(signatureHeader))"
    }
}
