/// HMAC (RFC 2104) over ``SHA256Digest``, plus the constant-time comparison that checking a
/// signature needs.
enum HMACSHA256 {
    /// The 32-byte authentication code of `message` under `key`.
    static func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        var blockKey = key.count > SHA256Digest.blockSize ? SHA256Digest.hash(key) : key
        blockKey += [UInt8](repeating: 0, count: SHA256Digest.blockSize - blockKey.count)
        let innerPad = blockKey.map { $0 ^ 0x36 }
        let outerPad = blockKey.map { $0 ^ 0x5c }
        return SHA256Digest.hash(outerPad + SHA256Digest.hash(innerPad + message))
    }

    /// Whether `lhs` and `rhs` are equal, taking the same time wherever they differ (only
    /// differing lengths return early, and lengths are not secret).
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }

    /// Lowercase hexadecimal text of `bytes`.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".unicodeScalars)
        var text = String.UnicodeScalarView()
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(text)
    }
}
