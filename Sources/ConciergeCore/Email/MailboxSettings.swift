import ConciergeDomain
import Foundation

/// The typed settings of a `mailbox` connector (validated on save by ConnectorSettingsRules).
public struct MailboxSettings: Sendable, Equatable {
    /// New messages per sender and hour before further ones are dropped (an auto-reply loop
    /// with a machine that ignores Auto-Submitted stops here).
    public static let defaultSenderLimitPerHour = 20

    public var address: String
    /// The group new tickets go to.
    public var groupID: GroupID?
    public var senderLimitPerHour: Int
    /// Present when the mailbox is polled over IMAP.
    public var imap: IMAPSettings?

    /// Where and how to poll.
    public struct IMAPSettings: Sendable, Equatable {
        public var host: String
        public var port: Int
        /// `tls` (implicit, port 993), `starttls` or `plain` (port 143).
        public var security: String
        public var username: String
        public var folder: String
    }

    /// Reads the settings of `connector`; `nil` when it is not a mailbox.
    public init?(_ connector: Connector) {
        guard connector.kind == .mailbox, case .string(let address)? = connector.settings["address"] else {
            return nil
        }
        let settings = connector.settings
        self.address = address.lowercased()
        self.groupID = Self.string(settings["group_id"]).flatMap { GroupID($0) }
        self.senderLimitPerHour = Self.int(settings["sender_limit_per_hour"]) ?? Self.defaultSenderLimitPerHour
        if let host = Self.string(settings["imap_host"]) {
            let security = Self.string(settings["imap_security"]) ?? "tls"
            imap = IMAPSettings(
                host: host, port: Self.int(settings["imap_port"]) ?? (security == "tls" ? 993 : 143),
                security: security, username: Self.string(settings["imap_username"]) ?? "",
                folder: Self.string(settings["imap_folder"]) ?? "INBOX")
        }
    }

    private static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { text } else { nil }
    }

    private static func int(_ value: JSONValue?) -> Int? {
        if case .number(let number)? = value { Int(exactly: number) } else { nil }
    }
}
