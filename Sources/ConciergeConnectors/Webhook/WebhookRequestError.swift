/// Why ``WebhookRequestBuilder`` could not build a request; always a configuration or caller
/// mistake, so a delivery that hits one fails permanently.
public enum WebhookRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The event name is empty or has characters a header cannot carry (controls, non-ASCII).
    case invalidEvent
    /// The delivery id is empty or has characters a header cannot carry.
    case invalidDeliveryID
    /// A tenant header has a name that is not an HTTP token, or a value with CR, LF or NUL
    /// (which would smuggle extra headers into the request).
    case invalidHeader(name: String)

    /// One line for the delivery log.
    public var description: String {
        switch self {
        case .invalidEvent: return "webhook event name is empty or not printable ASCII"
        case .invalidDeliveryID: return "webhook delivery id is empty or not printable ASCII"
        case .invalidHeader(let name):
            return
                "extra header \(String(name.prefix(64)).debugDescription) has an invalid name or a control character in its value"
        }
    }
}
