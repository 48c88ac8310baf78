/// An input that breaks a rule, naming the field so that an API client or a YAML author can
/// find it.
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Dotted path of the offending field (`users[2].email`).
    public var field: String
    /// Machine-readable reason (`invalid_email`).
    public var code: String
    /// Human explanation.
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    public var description: String { "\(field): \(message)" }

    /// The same error nested under `prefix` (`users[2]` + `email` → `users[2].email`).
    public func nested(under prefix: String) -> ValidationError {
        ValidationError(field: field.isEmpty ? prefix : "\(prefix).\(field)", code: code, message: message)
    }
}
