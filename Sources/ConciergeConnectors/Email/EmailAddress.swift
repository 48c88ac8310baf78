/// A mailbox with an optional display name, e.g. `客服中心 <support@acme.example>`.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address, `local@domain`, ASCII only.
    public var address: String
    /// The name shown by mail readers; any Unicode, encoded as RFC 2047 words when not ASCII.
    public var displayName: String?

    /// Creates a mailbox.
    public init(_ address: String, displayName: String? = nil) {
        self.address = address
        self.displayName = displayName
    }

    /// The part after the last `@`, used for generated Message-IDs.
    public var domain: Substring? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...]
        return domain.isEmpty ? nil : domain
    }

    /// `Name <address>` or just the address, for logs.
    public var description: String {
        guard let displayName, !displayName.isEmpty else { return address }
        return "\(displayName) <\(address)>"
    }

    /// Whether `address` can be written into headers and `RCPT TO` as is: printable ASCII
    /// (internationalised addresses need SMTPUTF8, which this client does not speak), one `@`
    /// with text on both sides, and none of the characters that end an address or a command.
    static func isValidAddress(_ address: String) -> Bool {
        let forbidden: Set<UInt8> = [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ","), UInt8(ascii: ";")]
        guard address.utf8.count <= 254,
            address.utf8.allSatisfy({ (33..<127).contains($0) && !forbidden.contains($0) }),
            let at = address.lastIndex(of: "@")
        else { return false }
        return at != address.startIndex && address.index(after: at) != address.endIndex
    }
}
