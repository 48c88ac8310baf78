import Foundation

/// Finds the charset an HTML document declares in a `<meta>` element, for HTML parts whose
/// `Content-Type` names none: `<meta charset="gbk">` or `<meta http-equiv="Content-Type"
/// content="text/html; charset=gb2312">`.
enum InboundHTMLCharsetSniffer {
    /// Browsers only look at the start of a document too.
    private static let scannedLength = 4096

    /// The declared charset, or nil when the start of `html` declares none.
    static func charset(in html: [UInt8]) -> String? {
        let head = String(decoding: html.prefix(scannedLength), as: UTF8.self).lowercased()
        var searchStart = head.startIndex
        while let meta = head.range(of: "<meta", range: searchStart..<head.endIndex) {
            let tagEnd = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<tagEnd]
            if let charset = tag.range(of: "charset=") {
                let name = tag[charset.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                    .prefix { $0.isLetter || $0.isNumber || "-_.:".contains($0) }
                if !name.isEmpty { return String(name) }
            }
            searchStart = tagEnd
        }
        return nil
    }
}
