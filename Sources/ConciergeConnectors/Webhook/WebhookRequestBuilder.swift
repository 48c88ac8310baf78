import Foundation

/// Builds the signed `POST` of one webhook delivery attempt.
///
/// The body is the event's JSON exactly as produced by the caller — the signature covers those
/// bytes, so nothing may re-serialise them afterwards. Build a new request for every attempt: each
/// carries the time of its own signature, and receivers refuse timestamps older than their replay
/// window (5 minutes by default).
///
/// Tenants may add headers (e.g. an `Authorization` their endpoint wants), but never replace the
/// ones this builder sets: an extra header whose name is reserved (see
/// ``WebhookHeaders/isReserved(_:)``) is dropped.
public struct WebhookRequestBuilder: Sendable, CustomStringConvertible {
    /// The receiver's endpoint (`https://…`); may carry a query.
    public var url: String
    /// Signs each attempt.
    public var signer: WebhookSigner
    /// The time limit for the whole exchange.
    public var timeout: Duration

    /// Creates a builder for one subscription.
    public init(url: String, signer: WebhookSigner, timeout: Duration = .seconds(10)) {
        self.url = url
        self.signer = signer
        self.timeout = timeout
    }

    /// The request for one attempt.
    ///
    /// - Parameters:
    ///   - event: The event type, e.g. `ticket.created`.
    ///   - deliveryID: The delivery's id, unchanged across retries (receivers de-duplicate on it).
    ///   - body: The JSON body bytes.
    ///   - extraHeaders: Tenant-configured headers; reserved names are dropped.
    ///   - now: The signing time.
    /// - Throws: ``WebhookRequestError`` when a value cannot be carried in a header.
    public func request(
        event: String, deliveryID: String, body: [UInt8], extraHeaders: [ConnectorHTTPHeader] = [],
        now: Date = Date()
    ) throws(WebhookRequestError) -> ConnectorHTTPRequest {
        guard Self.isHeaderValue(event, allowingSpaces: false) else { throw .invalidEvent }
        guard Self.isHeaderValue(deliveryID, allowingSpaces: false) else { throw .invalidDeliveryID }
        var headers = [
            ConnectorHTTPHeader("Content-Type", "application/json; charset=utf-8"),
            ConnectorHTTPHeader("User-Agent", "Concierge-Webhooks/1"),
            ConnectorHTTPHeader(WebhookHeaders.event, event),
            ConnectorHTTPHeader(WebhookHeaders.delivery, deliveryID),
        ]
        headers += signer.headers(body: body, date: now)
        for header in extraHeaders {
            guard Self.isToken(header.name), !Self.hasControlCharacter(header.value) else {
                throw .invalidHeader(name: header.name)
            }
            if !WebhookHeaders.isReserved(header.name) { headers.append(header) }
        }
        return ConnectorHTTPRequest(method: "POST", url: url, headers: headers, body: body, timeout: timeout)
    }

    /// Names the endpoint by scheme, host and path only: a query may hold a tenant's token.
    public var description: String {
        "WebhookRequestBuilder(\(ConnectorHTTPRequest(url: url).redactedSummary), \(signer))"
    }

    /// RFC 9110 token characters: what a header name may consist of.
    static func isToken(_ name: String) -> Bool {
        let symbols = Set("!#$%&'*+-.^_`|~".utf8)
        return !name.isEmpty
            && name.utf8.allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || symbols.contains(byte)
            }
    }

    static func hasControlCharacter(_ value: String) -> Bool {
        value.utf8.contains { $0 == 0 || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
    }

    /// Non-empty, at most 200 bytes of printable ASCII: ids and event names, never free text.
    static func isHeaderValue(_ value: String, allowingSpaces: Bool) -> Bool {
        let lowest = allowingSpaces ? UInt8(ascii: " ") : UInt8(ascii: "!")
        return (1...200).contains(value.utf8.count)
            && value.utf8.allSatisfy { (lowest...UInt8(ascii: "~")).contains($0) }
    }
}
