/// One text message to one phone, as the SMS gateway template sees it.
///
/// - Important: Phone numbers and message text are personal data: they are never logged, and no
///   error or outcome repeats them.
public struct SMSMessage: Sendable, Equatable {
    /// The recipient, in whatever form the gateway expects (usually E.164, `+8613800138000`).
    public var phone: String
    /// The text.
    public var text: String
    /// The sender id or signature (签名) some gateways require; `nil` when the template needs none.
    public var sender: String?

    /// Creates a message.
    public init(phone: String, text: String, sender: String? = nil) {
        self.phone = phone
        self.text = text
        self.sender = sender
    }

    /// The value of a template placeholder, `nil` for an unknown name or a missing sender.
    func value(of placeholder: SMSPlaceholder) -> String? {
        switch placeholder {
        case .phone: return phone
        case .message: return text
        case .sender: return sender
        }
    }
}
