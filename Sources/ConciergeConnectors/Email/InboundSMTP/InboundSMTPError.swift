/// Why ``InboundSMTPServer`` could not start. Problems of single connections never surface
/// here: they are answered in SMTP and logged.
public struct InboundSMTPError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// The configuration cannot be used, e.g. an unreadable certificate or key.
        case invalidConfiguration
        /// The address cannot be bound, e.g. the port is taken or needs privileges.
        case bindFailed
    }

    /// What went wrong.
    public var kind: Kind
    /// The cause in words, for the log.
    public var detail: String

    /// Creates an error; the server makes these.
    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// `inbound smtp bindFailed: cannot bind 0.0.0.0:25: …`.
    public var description: String { "inbound smtp \(kind.rawValue): \(detail)" }
}
