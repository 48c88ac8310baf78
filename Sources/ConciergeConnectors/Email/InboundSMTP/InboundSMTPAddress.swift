/// The address rules of the server: printable ASCII without spaces or brackets (no SMTPUTF8),
/// one `@` with text on both sides, at most 254 bytes.
enum InboundSMTPAddress {
    /// Whether `address` may be used as a reverse or forward path.
    static func isValid(_ address: String) -> Bool {
        let forbidden: Set<UInt8> = [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ",")]
        guard address.utf8.count <= 254,
            address.utf8.allSatisfy({ (33..<127).contains($0) && !forbidden.contains($0) }),
            let at = address.lastIndex(of: "@")
        else { return false }
        return at != address.startIndex && address.index(after: at) != address.endIndex
    }
}
