/// The placeholders an SMS gateway template may use: `{{phone}}`, `{{message}}`, `{{sender}}`
/// (spaces inside the braces are allowed: `{{ phone }}`).
public enum SMSPlaceholder: String, Sendable, CaseIterable {
    /// The recipient's number.
    case phone
    /// The message text.
    case message
    /// The sender id or signature.
    case sender
}
