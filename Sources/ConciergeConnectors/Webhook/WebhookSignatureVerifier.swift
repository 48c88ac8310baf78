import Crypto
import Foundation

/// Checks the signature of a Concierge webhook delivery the way a receiver should: the
/// reference implementation for the docs and for Concierge's own inbound webhooks.
///
/// A delivery is accepted when some `v1=` entry of `X-Concierge-Signature` equals
/// HMAC-SHA256(secret, `"<timestamp>.<raw body>"`) for one of the configured secrets, compared in
/// constant time, and its timestamp lies within ``tolerance`` of the receiver's clock in either
/// direction (the edge itself is accepted). The signature is checked before the clock so that a
/// stale but genuine delivery is reported as a replay or clock problem, not as a forgery.
public struct WebhookSignatureVerifier: Sendable {
    /// The replay window used unless another is given: 5 minutes, as most webhook senders use.
    public static let defaultTolerance: Duration = .seconds(300)

    private let keys: [SymmetricKey]
    /// How far a delivery's timestamp may be from now, in the past or in the future.
    public let tolerance: Duration

    /// Creates a verifier accepting any of `secrets` (two while a rotation is under way).
    public init(secrets: [String], tolerance: Duration = Self.defaultTolerance) {
        keys = secrets.map { SymmetricKey(data: Array($0.utf8)) }
        self.tolerance = tolerance
    }

    /// Verifies a delivery from its header values and the raw body bytes as received.
    ///
    /// - Parameters:
    ///   - signature: The `X-Concierge-Signature` value, `nil` when absent.
    ///   - timestamp: The `X-Concierge-Timestamp` value, `nil` when absent.
    ///   - body: The body exactly as received, before any JSON parsing.
    ///   - now: The receiver's clock.
    /// - Throws: ``WebhookVerificationFailure`` saying why the delivery must be refused.
    public func verify(signature: String?, timestamp: String?, body: [UInt8], now: Date = Date())
        throws(WebhookVerificationFailure)
    {
        guard let timestamp else { throw .missingTimestamp }
        guard let seconds = Self.parseTimestamp(timestamp) else { throw .malformedTimestamp }
        guard let signature, !signature.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .missingSignature
        }
        let candidates = Self.parseSignatures(signature)
        guard !candidates.isEmpty else { throw .malformedSignature }

        let text = WebhookSigner.signedText(timestamp: seconds, body: body)
        // Every pair is checked even after a match so timing does not reveal which secret matched.
        var matched = false
        for key in keys {
            for candidate in candidates
            where HMAC<SHA256>.isValidAuthenticationCode(candidate, authenticating: text, using: key) {
                matched = true
            }
        }
        guard matched else { throw .signatureMismatch }

        let skew = seconds - WebhookSigner.unixSeconds(now)
        let allowed = tolerance.components.seconds
        guard abs(skew) <= allowed else {
            throw .timestampOutsideTolerance(skewSeconds: skew, toleranceSeconds: allowed)
        }
    }

    /// Verifies a delivery from its headers (names compared case-insensitively).
    public func verify(headers: [ConnectorHTTPHeader], body: [UInt8], now: Date = Date())
        throws(WebhookVerificationFailure)
    {
        func value(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        try verify(
            signature: value(WebhookHeaders.signature), timestamp: value(WebhookHeaders.timestamp), body: body,
            now: now)
    }

    /// Decimal digits only (no sign, no fraction), at most 12 of them: enough for any date in the
    /// next 30,000 years and short enough never to overflow.
    static func parseTimestamp(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard (1...12).contains(trimmed.utf8.count),
            trimmed.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int64(trimmed)
    }

    /// The 32-byte values of the `v1=` entries; entries of other schemes and malformed ones are
    /// skipped, so a sender may add a future scheme beside `v1` without breaking this receiver.
    static func parseSignatures(_ header: String) -> [[UInt8]] {
        header.split(separator: ",").compactMap { entry -> [UInt8]? in
            let parts = entry.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0] == WebhookHeaders.signatureScheme else { return nil }
            return decodeHex(parts[1])
        }
    }

    private static func decodeHex(_ text: Substring) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
