import Crypto
import Foundation

/// Signs outbound webhook deliveries so receivers can tell they come from Concierge and were not
/// altered or replayed.
///
/// The signed text is `"<timestamp>.<raw body>"` — the decimal Unix time in seconds, a dot and the
/// body bytes exactly as sent — and the signature is the lowercase hex HMAC-SHA256 of that text
/// under the tenant's secret, written as `v1=<hex>`. During a secret rotation the signer holds two
/// secrets and writes one `v1=` entry for each (`v1=<new>,v1=<old>`), so a receiver configured with
/// either secret keeps accepting deliveries while it is switched over.
///
/// - Important: The secrets never appear in ``description``, logs or errors.
public struct WebhookSigner: Sendable, CustomStringConvertible {
    private let keys: [SymmetricKey]

    /// Creates a signer for `secret` and, while a rotation is under way, `additionalSecret`.
    ///
    /// - Parameters:
    ///   - secret: The secret the receiver is expected to hold (the new one during a rotation).
    ///   - additionalSecret: The other secret of a rotation, signed second; `nil` otherwise.
    public init(secret: String, additionalSecret: String? = nil) {
        keys = [secret, additionalSecret].compactMap { $0 }.map { SymmetricKey(data: Array($0.utf8)) }
    }

    /// How many secrets sign each delivery (1, or 2 during a rotation).
    public var secretCount: Int { keys.count }

    /// The `X-Concierge-Signature` value for `body` signed at `timestamp` (Unix seconds).
    public func signature(timestamp: Int64, body: [UInt8]) -> String {
        let text = Self.signedText(timestamp: timestamp, body: body)
        return keys.map { key in
            let code = HMAC<SHA256>.authenticationCode(for: text, using: key)
            return "\(WebhookHeaders.signatureScheme)=\(Self.hex(code))"
        }.joined(separator: ",")
    }

    /// The timestamp and signature headers for `body` signed at `date`.
    public func headers(body: [UInt8], date: Date) -> [ConnectorHTTPHeader] {
        let timestamp = Self.unixSeconds(date)
        return [
            ConnectorHTTPHeader(WebhookHeaders.timestamp, String(timestamp)),
            ConnectorHTTPHeader(WebhookHeaders.signature, signature(timestamp: timestamp, body: body)),
        ]
    }

    /// Names the signer without its secrets.
    public var description: String { "WebhookSigner(\(keys.count) secret(s), redacted)" }

    /// `"<timestamp>.<body>"` as bytes: the text both sides sign.
    static func signedText(timestamp: Int64, body: [UInt8]) -> [UInt8] {
        Array("\(timestamp).".utf8) + body
    }

    /// Whole seconds since 1970, rounded down as receivers' `time()` does.
    static func unixSeconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }

    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    static func hex(_ code: HashedAuthenticationCode<SHA256>) -> String {
        hex(Array(code))
    }
}
