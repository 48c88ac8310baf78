/// The `{"errcode": …, "errmsg": "…"}` envelope that DingTalk's and WeCom's robot webhooks answer.
///
/// Both vendors answer HTTP 200 for refusals too, so only `errcode` says whether a message was
/// accepted. Parsing never traps: a body that is not a JSON object with an integer `errcode`
/// (an HTML error page from a proxy, an empty body, truncated JSON) yields `nil`, and the caller
/// reports a protocol problem instead of guessing.
public struct VendorErrcodeReply: Sendable, Equatable {
    /// `0` when the vendor accepted the message; anything else is a refusal, never a success.
    public var errcode: Int
    /// The vendor's words for `errcode`; for logs only, since vendors reword it at will.
    public var errmsg: String

    /// Creates a reply; the classifiers' tests make these.
    public init(errcode: Int, errmsg: String) {
        self.errcode = errcode
        self.errmsg = errmsg
    }

    /// Parses a response body; `nil` when it is not the envelope.
    public init?(body: [UInt8]) {
        guard let object = VendorJSON.object(body), let errcode = VendorJSON.integer(object["errcode"]) else {
            return nil
        }
        self.errcode = errcode
        self.errmsg = Self.sanitized(object["errmsg"] as? String ?? "")
    }

    /// `errmsg` cut to one short line: vendors append URLs and hints, and a log line must stay a line.
    static func sanitized(_ message: String) -> String {
        let oneLine = message.map { $0.isNewline ? " " : $0 }
        return String(oneLine.prefix(200))
    }
}
