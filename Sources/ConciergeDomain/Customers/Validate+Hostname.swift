import Foundation

extension Validate {
    /// Normalises an email domain (trimmed, lowercased, without a trailing dot) and checks that
    /// it is a hostname of at least two labels: letters, digits and inner hyphens, 1–63
    /// characters a label, 253 in all. Internationalised domains are written in punycode
    /// (`xn--fiqs8s`), as they appear in email addresses on the wire.
    public static func hostname(_ text: String, field: String) throws(ValidationError) -> String {
        var host = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            (1...253).contains(host.count) && labels.count >= 2
            && labels.allSatisfy { label in
                (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.unicodeScalars.allSatisfy {
                        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                    }
            }
            && !(labels.last?.allSatisfy(\.isNumber) ?? true)
        guard valid else {
            throw ValidationError(
                field: field, code: "invalid_domain", message: "is not a domain name such as example.cn")
        }
        return host
    }
}
