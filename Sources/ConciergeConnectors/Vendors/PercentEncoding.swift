/// Percent-encoding for the two places a value lands in a request: a URL component and an
/// `application/x-www-form-urlencoded` body.
///
/// Both leave only RFC 3986's unreserved characters (`A–Z a–z 0–9 - . _ ~`) as they are and encode
/// every other UTF-8 byte, so `&`, `=`, `+`, `#`, `?`, `/` and non-ASCII text can never change the
/// structure they are placed in. The form variant writes a space as `+`, as HTML forms do.
enum PercentEncoding {
    /// `value` for a URL path segment or query component.
    static func urlComponent(_ value: String) -> String {
        encode(value, spaceAsPlus: false)
    }

    /// `value` for a form body (`name=value&…`).
    static func formComponent(_ value: String) -> String {
        encode(value, spaceAsPlus: true)
    }

    private static func encode(_ value: String, spaceAsPlus: Bool) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else if spaceAsPlus && byte == UInt8(ascii: " ") {
                result.append("+")
            } else {
                result.append("%")
                result.append(hexDigits[Int(byte >> 4)])
                result.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static let hexDigits: [Character] = Array("0123456789ABCDEF")
}
