/// Mailbox names on the wire: IMAP's modified UTF-7 (RFC 3501 §5.1.3), so that `客服/投诉`
/// reaches the server as `&W6JnDQ-/&YpWLiQ-`.
enum IMAPMailboxName {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)

    /// Printable ASCII stays as it is (`&` becomes `&-`); every run of other characters becomes
    /// `&`, its UTF-16 in modified base64 without padding, and `-`.
    static func encode(_ name: String) -> String {
        var encoded = ""
        var pending: [UInt16] = []
        for scalar in name.unicodeScalars {
            if (0x20..<0x7F).contains(scalar.value) {
                encoded += flush(&pending)
                encoded += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending.append(contentsOf: String(scalar).utf16)
            }
        }
        return encoded + flush(&pending)
    }

    private static func flush(_ units: inout [UInt16]) -> String {
        guard !units.isEmpty else { return "" }
        let bytes = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        units.removeAll()
        var output: [UInt8] = [UInt8(ascii: "&")]
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for position in 0...chunk.count {
                output.append(alphabet[Int((value >> (18 - 6 * UInt32(position))) & 0x3F)])
            }
            index += 3
        }
        output.append(UInt8(ascii: "-"))
        return String(decoding: output, as: UTF8.self)
    }
}
