/// A decimal number held as its digits, so that a ``CustomFieldType/decimal`` value is stored
/// exactly as a string that fits `NUMERIC(18,6)`.
///
/// Text keeps the scale it was written with (`"1.50"` stays `"1.50"`: a price entered to the
/// cent reads back to the cent); a JSON number has no written scale and is written shortest.
struct DecimalText: Sendable, Equatable, CustomStringConvertible {
    /// Most digits before the decimal point (`NUMERIC(18,6)` leaves 12).
    static let maxIntegerDigits = 12
    /// Most digits after the decimal point.
    static let maxFractionDigits = 6

    /// Whether the value is below zero.
    private(set) var isNegative: Bool
    /// Digits before the point, without leading zeros; `"0"` for none.
    private(set) var integerDigits: String
    /// Digits after the point, as written.
    private(set) var fractionDigits: String

    /// Parses plain decimal notation: an optional `-`, digits, and optionally `.` and digits.
    /// No exponent, no `+`, no thousands separators, no bare `.5` or `5.`.
    init?(_ text: String) {
        var body = Substring(text)
        let negative = body.first == "-"
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let integer = parts.first, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return nil
        }
        self.init(negative: negative, integer: integer, fraction: parts.count == 2 ? parts[1] : "")
    }

    /// Writes a finite JSON number in its shortest exact decimal form (`2.0` → `2`,
    /// `1e-06` → `0.000001`).
    init?(_ number: Double) {
        guard number.isFinite else { return nil }
        // Swift prints the shortest digits that read back as the same Double, sometimes with
        // an exponent (`1e-07`, `1e+16`).
        let printed = "\(abs(number))".lowercased()
        let pieces = printed.split(separator: "e", maxSplits: 1)
        guard let mantissa = pieces.first else { return nil }
        let exponent = pieces.count == 2 ? Int(pieces[1]) ?? 0 : 0
        let mantissaParts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let wholePart = mantissaParts.first.map(String.init) ?? ""
        let fractionPart = mantissaParts.count == 2 ? String(mantissaParts[1]) : ""
        var digits = wholePart + fractionPart
        var pointPosition = wholePart.count + exponent
        if pointPosition < 0 {
            digits = String(repeating: "0", count: -pointPosition) + digits
            pointPosition = 0
        }
        if pointPosition > digits.count {
            digits += String(repeating: "0", count: pointPosition - digits.count)
        }
        let integer = digits.prefix(pointPosition)
        var fraction = digits.dropFirst(pointPosition)
        while fraction.last == "0" { fraction = fraction.dropLast() }
        self.init(negative: number < 0, integer: integer, fraction: fraction)
    }

    private init(negative: Bool, integer: Substring, fraction: Substring) {
        let significant = integer.drop(while: { $0 == "0" })
        integerDigits = significant.isEmpty ? "0" : String(significant)
        fractionDigits = String(fraction)
        // Negative zero is written as zero.
        isNegative = negative && (integerDigits != "0" || fractionDigits.contains(where: { $0 != "0" }))
    }

    /// Whether the number fits `NUMERIC(18,6)` without rounding.
    var fitsStorage: Bool {
        integerDigits.count <= Self.maxIntegerDigits && fractionDigits.count <= Self.maxFractionDigits
    }

    /// The canonical text: `-12.50`, `0.5`, `7`.
    var description: String {
        (isNegative ? "-" : "") + integerDigits + (fractionDigits.isEmpty ? "" : "." + fractionDigits)
    }
}

extension Character {
    /// Whether this is one of `0`–`9` (not any Unicode digit such as `٣` or `３`).
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) && isASCII }
}
