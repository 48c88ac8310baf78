import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns bytes in a MIME charset into text with the system's `iconv`. Never fails: bytes the
/// charset cannot map become U+FFFD, and a charset `iconv` does not know is read as UTF-8 when
/// the bytes are valid UTF-8 and as ISO-8859-1 otherwise.
enum InboundCharsetDecoder {
    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// The text of `bytes` in `charset`; unlabelled bytes (`charset` nil or empty) are read as
    /// UTF-8, then GB18030, then ISO-8859-1, whichever reads them without error first.
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        guard let name = charset.map(normalizedName), !name.isEmpty else { return decodeUnlabelled(bytes) }
        if isASCIICompatible(name), bytes.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        switch name {
        case "utf-8", "utf8":
            return String(decoding: bytes, as: UTF8.self)
        case "iso-8859-1", "iso8859-1", "latin1", "l1":
            return latin1(bytes)
        case "us-ascii", "ascii":
            return utf8OrLatin1(bytes)
        default:
            return convert(bytes, from: iconvName(for: name), strict: false) ?? utf8OrLatin1(bytes)
        }
    }

    /// Bytes without a declared charset, as in raw 8-bit header fields: UTF-8 when valid, then
    /// GB18030 (a superset of GB2312 and GBK, what Chinese mail clients send), then ISO-8859-1.
    static func decodeUnlabelled(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return convert(bytes, from: "GB18030", strict: true) ?? latin1(bytes)
    }

    private static func utf8OrLatin1(_ bytes: [UInt8]) -> String {
        String(validating: bytes, as: UTF8.self) ?? latin1(bytes)
    }

    /// ISO-8859-1 maps each byte to the code point of the same value; writing the UTF-8 directly
    /// is much faster than appending scalars to a String one by one.
    private static func latin1(_ bytes: [UInt8]) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                utf8 += [0xC0 | byte >> 6, 0x80 | byte & 0x3F]
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Lower case, without quotes, spaces or an RFC 2231 language suffix (`utf-8*en`).
    private static func normalizedName(_ charset: String) -> String {
        let trimmed = charset.trimmingCharacters(in: .whitespaces.union(["\"", "'"]))
        return String(trimmed.prefix { $0 != "*" }).lowercased()
    }

    /// Charsets whose ASCII bytes always mean ASCII; UTF-16, UTF-7 and ISO-2022 do not qualify.
    private static func isASCIICompatible(_ name: String) -> Bool {
        !["utf-16", "utf-32", "utf-7", "iso-2022", "hz", "ucs-", "unicode"].contains { name.hasPrefix($0) }
    }

    /// The `iconv` name to use: supersets for the labels mail clients put on them.
    private static func iconvName(for name: String) -> String {
        switch name {
        case "gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "x-euc-cn", "csgb2312",
            "gb_2312-80", "chinese":
            "GB18030"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j":
            "CP932"
        case "euc-kr", "ks_c_5601-1987", "ksc5601", "ks_c_5601", "windows-949", "cseuckr":
            "CP949"
        case "big5", "big-5", "x-big5", "cn-big5", "csbig5":
            "BIG5"
        default:
            name.uppercased()
        }
    }

    /// `bytes` converted by `iconv`, or nil when `iconv` does not know the charset or, if
    /// `strict`, when the bytes are not valid in it.
    private static func convert(_ bytes: [UInt8], from charset: String, strict: Bool) -> String? {
        guard let converter = iconv_open("UTF-8", charset), Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        let completed = input.withUnsafeMutableBufferPointer { inputBuffer -> Bool in
            var inputPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
            var inputLeft = inputBuffer.count
            while inputLeft > 0 {
                let failure = convertChunk(converter, &inputPointer, &inputLeft, into: &output)
                switch failure {
                case nil, E2BIG:
                    continue
                case EILSEQ, EINVAL:
                    if strict { return false }
                    output += replacementCharacter
                    inputPointer = inputPointer.map { $0 + 1 }
                    inputLeft -= 1
                    iconv(converter, nil, nil, nil, nil)
                default:
                    return false
                }
            }
            var noInput: UnsafeMutablePointer<CChar>? = nil
            var nothingLeft = 0
            // With no input, iconv writes what a stateful encoding (ISO-2022-JP) still owes.
            return convertChunk(converter, &noInput, &nothingLeft, into: &output) == nil
        }
        return completed ? String(decoding: output, as: UTF8.self) : nil
    }

    /// One `iconv` call into a fixed buffer, appended to `output`; the `errno` of a failure.
    private static func convertChunk(
        _ converter: iconv_t,
        _ inputPointer: inout UnsafeMutablePointer<CChar>?,
        _ inputLeft: inout Int,
        into output: inout [UInt8]
    ) -> Int32? {
        var chunk = [UInt8](repeating: 0, count: 8192)
        return chunk.withUnsafeMutableBufferPointer { chunkBuffer -> Int32? in
            var outputPointer = UnsafeMutableRawPointer(chunkBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
            var outputLeft = chunkBuffer.count
            let status =
                inputLeft > 0
                ? iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                : iconv(converter, nil, nil, &outputPointer, &outputLeft)
            output += chunkBuffer[..<(chunkBuffer.count - outputLeft)]
            return status == -1 ? errno : nil
        }
    }
}
