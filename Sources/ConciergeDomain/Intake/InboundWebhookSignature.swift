import Foundation

/// Checks the signature of a request to a tenant's inbound webhook.
///
/// The sender puts `X-Concierge-Signature: t=<unix seconds>,v1=<hex>` on the request, where the
/// hex is HMAC-SHA256(secret, `"<t>.<raw body>"`). During a secret rotation the header may carry
/// several `v1=` entries and the receiver may hold several secrets: any match passes. Entries of
/// other schemes (`v0=`) are ignored so that a sender can add one without breaking receivers.
///
/// The signature is checked before the clock, so that a stale but genuine request is reported
/// as a replay or clock problem rather than as a forgery; both must be refused. Comparisons take
/// constant time and every secret is tried even after a match.
///
/// - Important: The secrets never appear in ``description``, logs or errors.
public struct InboundWebhookSignature: Sendable, CustomStringConvertible {
    /// The header that carries the signature.
    public static let headerName = "X-Concierge-Signature"
    /// The signature scheme accepted and written.
    public static let scheme = "v1"
    /// The replay window used unless another is given: 300 seconds either way.
    public static let defaultWindowSeconds: Int64 = 300

    private let keys: [[UInt8]]
    /// How far the header's timestamp may be from now, in the past or in the future (the edge
    /// itself is accepted).
    public let windowSeconds: Int64

    /// Creates a verifier accepting any of `secrets` (two while a rotation is under way).
    public init(secrets: [String], windowSeconds: Int64 = Self.defaultWindowSeconds) {
        keys = secrets.map { Array($0.utf8) }
        self.windowSeconds = windowSeconds
    }

    /// Names the verifier without revealing its secrets.
    public var description: String {
        "InboundWebhookSignature(\(keys.count) secret(s), window \(windowSeconds) s)"
    }

    /// Verifies a request.
    ///
    /// - Parameters:
    ///   - header: The `X-Concierge-Signature` value, `nil` when absent.
    ///   - body: The body exactly as received, before any JSON parsing.
    ///   - now: The receiver's clock.
    /// - Throws: ``InboundWebhookSignatureFailure`` saying why the request must be refused.
    public func verify(header: String?, body: [UInt8], now: Date = Date()) throws(InboundWebhookSignatureFailure) {
        guard let header, !header.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missingHeader }
        guard let (timestamp, candidates) = Self.parse(header) else { throw .malformedHeader }

        let signedText = Self.signedText(timestamp: timestamp, body: body)
        var matched = false
        for key in keys {
            let expected = HMACSHA256.authenticationCode(for: signedText, key: key)
            for candidate in candidates where HMACSHA256.constantTimeEqual(candidate, expected) {
                matched = true
            }
        }
        guard matched else { throw .noMatchingSignature }

        let skew = timestamp - Int64(now.timeIntervalSince1970.rounded(.down))
        guard abs(skew) <= windowSeconds else {
            throw .timestampOutsideWindow(skewSeconds: skew, windowSeconds: windowSeconds)
        }
    }

    /// The header value a sender puts on `body` signed at `timestamp` (Unix seconds): one `v1=`
    /// entry per secret, in order. For senders, documentation and tests.
    public static func header(timestamp: Int64, body: [UInt8], secrets: [String]) -> String {
        let signedText = signedText(timestamp: timestamp, body: body)
        let entries = secrets.map { secret in
            "\(scheme)=\(HMACSHA256.hex(HMACSHA256.authenticationCode(for: signedText, key: Array(secret.utf8))))"
        }
        return (["t=\(timestamp)"] + entries).joined(separator: ",")
    }

    private static func signedText(timestamp: Int64, body: [UInt8]) -> [UInt8] {
        Array("\(timestamp).".utf8) + body
    }

    /// The timestamp and the 32-byte `v1` values, or `nil` unless there is exactly one valid
    /// `t=` entry and at least one valid `v1=` entry.
    private static func parse(_ header: String) -> (timestamp: Int64, signatures: [[UInt8]])? {
        var timestamps: [Int64?] = []
        var signatures: [[UInt8]] = []
        for entry in header.split(separator: ",") {
            let parts = entry.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "t": timestamps.append(parseTimestamp(parts[1]))
            case Substring(scheme): if let bytes = decodeHex(parts[1]) { signatures.append(bytes) }
            default: continue
            }
        }
        guard timestamps.count == 1, let timestamp = timestamps[0], !signatures.isEmpty else { return nil }
        return (timestamp, signatures)
    }

    /// Decimal digits only, at most 12 of them (no sign, no fraction, no overflow).
    private static func parseTimestamp(_ text: Substring) -> Int64? {
        guard (1...12).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        return Int64(text)
    }

    private static func decodeHex(_ text: Substring) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count == 2 * SHA256Digest.outputSize else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(SHA256Digest.outputSize)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
