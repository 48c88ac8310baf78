import Foundation

extension ConnectorSettingsRules {
    /// The settings of a `mailbox` connector.
    static let mailboxSettings: Set<String> = [
        "address", "group_id", "sender_limit_per_hour", "imap_host", "imap_port", "imap_security", "imap_username",
        "imap_folder",
    ]

    /// A mailbox has an address; with `imap_host` it is polled and then needs the user name and
    /// the `imap_password` secret. Errors name the setting.
    static func validateMailbox(_ settings: [String: JSONValue], secretNames: Set<String>) throws(ValidationError) {
        guard case .string(let address)? = settings["address"] else {
            throw ValidationError(
                field: "settings.address", code: "required", message: "address is the mailbox's email address")
        }
        _ = try Validate.email(address, field: "settings.address")
        if let group = settings["group_id"] {
            guard case .string(let text) = group, UUID(uuidString: text) != nil else {
                throw ValidationError(
                    field: "settings.group_id", code: "invalid_type", message: "group_id is the id of a group")
            }
        }
        try integer(settings["sender_limit_per_hour"], "sender_limit_per_hour", in: 1...10_000)
        try integer(settings["imap_port"], "imap_port", in: 1...65_535)
        guard let host = settings["imap_host"] else {
            if let imap = settings.keys.sorted().first(where: { $0.hasPrefix("imap_") }) {
                throw ValidationError(
                    field: "settings.imap_host", code: "required", message: "\(imap) needs imap_host")
            }
            return
        }
        for (key, value) in [("imap_host", host), ("imap_username", settings["imap_username"])] {
            guard case .string(let text)? = value, !text.isEmpty, text.count <= 255,
                !text.contains(where: { $0.isWhitespace || $0.isNewline })
            else {
                throw ValidationError(
                    field: "settings.\(key)", code: "required", message: "\(key) is a text without spaces")
            }
        }
        if let security = settings["imap_security"] {
            guard case .string(let text) = security, ["tls", "starttls", "plain"].contains(text) else {
                throw ValidationError(
                    field: "settings.imap_security", code: "invalid_value",
                    message: "imap_security is one of tls, starttls, plain")
            }
        }
        if let folder = settings["imap_folder"] {
            guard case .string(let text) = folder, !text.isEmpty, text.count <= 255, !text.contains("\n") else {
                throw ValidationError(
                    field: "settings.imap_folder", code: "invalid_type", message: "imap_folder is a folder name")
            }
        }
        guard secretNames.contains("imap_password") else {
            throw ValidationError(
                field: "secrets.imap_password", code: "required", message: "a polled mailbox needs its IMAP password")
        }
    }

    private static func integer(_ value: JSONValue?, _ key: String, in range: ClosedRange<Int>) throws(ValidationError)
    {
        guard let value else { return }
        guard case .number(let number) = value, number.rounded() == number, range.contains(Int(number)) else {
            throw ValidationError(
                field: "settings.\(key)", code: "out_of_range",
                message: "\(key) is a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
    }
}
