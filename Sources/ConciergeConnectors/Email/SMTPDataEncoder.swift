import NIOCore

/// Turns message bytes into what follows `DATA`: CRLF line ends, dot-stuffing, and the final
/// `.` line (RFC 5321 §4.5.2).
///
/// Line ends are normalised because SMTP requires CRLF and a bare LF or CR is either rejected or
/// read differently by different servers; a leading dot is doubled because a line holding only
/// `.` would otherwise end the message early and servers strip one leading dot from every line.
enum SMTPDataEncoder {
    static func encode(_ message: some Collection<UInt8>) -> ByteBuffer {
        var output = ByteBuffer()
        output.reserveCapacity(message.count + message.count / 50 + 8)
        var atLineStart = true
        var previousWasCarriageReturn = false
        for byte in message {
            switch byte {
            case UInt8(ascii: "\r"):
                output.writeStaticString("\r\n")
                atLineStart = true
            case UInt8(ascii: "\n"):
                // The LF of a CRLF was already written with the CR.
                if !previousWasCarriageReturn { output.writeStaticString("\r\n") }
                atLineStart = true
            default:
                if atLineStart, byte == UInt8(ascii: ".") { output.writeInteger(UInt8(ascii: ".")) }
                output.writeInteger(byte)
                atLineStart = false
            }
            previousWasCarriageReturn = byte == UInt8(ascii: "\r")
        }
        if !atLineStart { output.writeStaticString("\r\n") }
        output.writeStaticString(".\r\n")
        return output
    }
}
