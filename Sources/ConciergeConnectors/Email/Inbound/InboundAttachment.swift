/// A file carried by an inbound message: a real attachment, an inline image referenced from the
/// HTML body by `cid:`, or an attached message (`message/rfc822`, named `….eml`).
public struct InboundAttachment: Sendable, Equatable {
    /// The file name, RFC 2231 and RFC 2047 encodings decoded; nil when the sender gave none.
    public var filename: String?
    /// The media type in lower case without parameters, e.g. `image/png`.
    public var contentType: String
    /// The `Content-ID` without angle brackets, which HTML bodies reference as `cid:…`.
    public var contentID: String?
    /// Whether the part is meant to be shown in the body rather than offered as a download.
    public var isInline: Bool
    /// The content, transfer encoding undone.
    public var bytes: [UInt8]

    /// Creates an attachment.
    public init(filename: String?, contentType: String, contentID: String?, isInline: Bool, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.contentID = contentID
        self.isInline = isInline
        self.bytes = bytes
    }
}
