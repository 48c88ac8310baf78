/// A username and password for SMTP AUTH.
///
/// Printing, interpolating or dumping credentials shows the username only, so a configuration
/// that ends up in a log line does not leak the password.
public struct SMTPCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The login name, often the mailbox address.
    public var username: String
    /// The password or app-specific token.
    public var password: String

    /// Creates credentials.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// `SMTPCredentials(username: "agent", password: <redacted>)`.
    public var description: String { "SMTPCredentials(username: \"\(username)\", password: <redacted>)" }
    /// The same as ``description``.
    public var debugDescription: String { description }
    /// Keeps `dump(_:)` and Mirror-based printing from showing the password.
    public var customMirror: Mirror { Mirror(self, children: ["username": username, "password": "<redacted>"]) }
}
