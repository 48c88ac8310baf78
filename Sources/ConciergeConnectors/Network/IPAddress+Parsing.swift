extension IPAddress {
    /// What a URL host that may be an IPv4 address turned out to be.
    enum URLHostIPv4: Equatable {
        /// A domain name: its last label is not a number.
        case notIPv4
        /// It looks like a number but is none: `1.2.3.4.5`, `256.1.1.1`, `0x1g`.
        case invalid
        /// An IPv4 address in any of the forms browsers and `inet_aton` accept.
        case address(UInt32)
    }

    /// Reads a URL host the way the WHATWG URL standard does (and `inet_aton`, which
    /// `getaddrinfo` uses): when its last label is a number, the host is an IPv4 address whose
    /// parts may be decimal, octal (`0177`) or hex (`0x7f`), with fewer than four parts filling
    /// the last one (`127.1`, `2130706433`).
    ///
    /// Normalising these here, rather than leaving them to the resolver, is what stops
    /// `http://0177.1/` from reaching loopback while looking like a name to a naive check.
    static func parseURLHostIPv4(_ host: Substring) -> URLHostIPv4 {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        guard let last = parts.last, isURLNumber(last) else { return .notIPv4 }
        guard parts.count <= 4 else { return .invalid }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = parseURLNumber(part) else { return .invalid }
            numbers.append(number)
        }
        guard numbers.dropLast().allSatisfy({ $0 <= 255 }) else { return .invalid }
        let lastLimit = UInt64(1) << (8 * UInt64(5 - numbers.count))
        guard let lastNumber = numbers.last, lastNumber < lastLimit else { return .invalid }
        var value = lastNumber
        for (index, number) in numbers.dropLast().enumerated() {
            value += number << UInt64(8 * (3 - index))
        }
        return .address(UInt32(value))
    }

    /// Dotted-quad IPv4 with four decimal parts and no leading zeros: `192.0.2.1`.
    static func parseStrictIPv4(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigit),
                part.count == 1 || part.first != "0", let octet = UInt32(part), octet <= 255
            else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    /// RFC 4291 §2.2 text: up to eight hex groups, at most one `::`, optionally ending in a
    /// dotted quad. No brackets, no zone (`%eth0`), no prefix length.
    static func parseIPv6(_ text: Substring) -> (high: UInt64, low: UInt64)? {
        guard text.contains(":") else { return nil }
        let halves = text.split(separator: "::", maxSplits: 2, omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        guard let head = parseGroups(halves[0], isLast: halves.count == 1) else { return nil }
        var groups = head
        if halves.count == 2 {
            guard let tail = parseGroups(halves[1], isLast: true), head.count + tail.count <= 7 else { return nil }
            groups += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard groups.count == 8 else { return nil }
        let high = groups[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = groups[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (high, low)
    }

    /// The groups of one side of `::`; `isLast` allows a trailing dotted quad.
    private static func parseGroups(_ text: Substring, isLast: Bool) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, piece) in pieces.enumerated() {
            if isLast, index == pieces.count - 1, piece.contains(".") {
                guard let v4 = parseStrictIPv4(piece) else { return nil }
                groups += [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
            } else {
                guard (1...4).contains(piece.count), piece.allSatisfy(\.isASCIIHexDigit),
                    let group = UInt16(piece, radix: 16)
                else { return nil }
                groups.append(group)
            }
        }
        return groups
    }

    /// Whether a label is a number in the URL standard's sense: decimal digits, or `0x` and
    /// hex digits (also just `0x`).
    private static func isURLNumber(_ label: Substring) -> Bool {
        guard !label.isEmpty else { return false }
        if label.allSatisfy(\.isASCIIDigit) { return true }
        let lower = label.lowercased()
        return lower.hasPrefix("0x") && lower.dropFirst(2).allSatisfy(\.isASCIIHexDigit)
    }

    private static func parseURLNumber(_ part: Substring) -> UInt64? {
        guard !part.isEmpty, part.count <= 40 else { return nil }
        let lower = part.lowercased()
        if lower.hasPrefix("0x") {
            let digits = lower.dropFirst(2)
            return digits.isEmpty ? 0 : UInt64(digits, radix: 16)
        }
        if lower.count > 1, lower.hasPrefix("0") {
            return UInt64(lower.dropFirst(), radix: 8)
        }
        return lower.allSatisfy(\.isASCIIDigit) ? UInt64(lower) : nil
    }
}

extension Character {
    /// `0`–`9` only; `Character.isNumber` also accepts other scripts' digits.
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
    /// `0`–`9`, `a`–`f`, `A`–`F` only; `Character.isHexDigit` also accepts full-width forms.
    fileprivate var isASCIIHexDigit: Bool { isASCII && isHexDigit }
}
