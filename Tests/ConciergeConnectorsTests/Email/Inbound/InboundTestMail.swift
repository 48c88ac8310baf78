import Foundation
import Testing

@testable import ConciergeConnectors

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds raw test messages: text written with `\n` in Swift literals becomes CRLF bytes, text in
/// legacy charsets becomes the bytes those charsets use.
enum InboundTestMail {
    /// `text` as UTF-8 with CRLF line ends, as messages travel over SMTP.
    static func crlf(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// Parses `text` after turning its line ends into CRLF.
    static func parse(_ text: String) throws -> InboundEmail {
        try InboundEmail.parse(crlf(text))
    }

    /// `text` in `charset`, converted by iconv independently of the parser's decoding.
    static func encoded(_ text: String, as charset: String) throws -> [UInt8] {
        let converter = try #require(iconv_open(charset, "UTF-8"))
        try #require(Int(bitPattern: converter) != -1)
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let written = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inputPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outputPointer = UnsafeMutableRawPointer(outputBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inputLeft = inputBuffer.count
                var outputLeft = outputBuffer.count
                let status = iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                return status == -1 ? -1 : outputBuffer.count - outputLeft
            }
        }
        try #require(written >= 0, "\(text) cannot be written in \(charset)")
        return Array(output[..<written])
    }

    static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    /// An RFC 2047 B encoded-word for `text` in `charset`.
    static func encodedWord(_ text: String, charset: String) throws -> String {
        "=?\(charset)?B?\(base64(try encoded(text, as: charset)))?="
    }
}
