/// One MIME entity of an inbound message: a leaf with its body decoded from its transfer
/// encoding, or a multipart container with its children.
struct InboundMIMEPart {
    var headers: InboundHeaders
    /// The media type, `text/plain` when the entity has none (RFC 2045 §5.2).
    var contentType: InboundParameterizedValue
    var disposition: InboundParameterizedValue?
    /// The decoded body of a leaf; empty for a container.
    var body: [UInt8]
    var children: [InboundMIMEPart]

    var isMultipart: Bool { contentType.value.hasPrefix("multipart/") }

    /// `Content-ID` without its angle brackets.
    var contentID: String? {
        headers["Content-ID"].flatMap { InboundMessageIDParser.identifiers(in: $0).first }
    }

    /// The file name from `Content-Disposition`, else the `name` of `Content-Type`.
    var filename: String? {
        let name = disposition?.text("filename") ?? contentType.text("name")
        return name.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every leaf under this entity, depth first, in message order.
    var leaves: [InboundMIMEPart] {
        isMultipart ? children.flatMap(\.leaves) : [self]
    }
}
