import Foundation

/// Reads the date spellings ERP and CRM APIs use, for the `date` transform and for `updatedAt`.
///
/// - ISO 8601 with an offset: `2024-05-01T10:20:30Z`, `…T10:20:30.123+08:00`, Salesforce's
///   `…T10:20:30.000+0000`.
/// - ISO 8601 or `yyyy-MM-dd HH:mm:ss` without an offset (Kingdee's `FModifyDate`, Odoo's
///   `write_date`): read as wall-clock time in the given zone. A date alone is its midnight.
/// - A number, or a string of 10+ digits: Unix epoch milliseconds (HubSpot, Yonyou `pubts` in
///   some tenants).
enum VendorDateParser {
    /// The instant `value` names, or `nil` when it is none of the forms above.
    static func parse(_ value: FieldValue, timeZone: TimeZone) -> Date? {
        switch value {
        case .date(let date): return date
        case .number(let milliseconds): return Date(timeIntervalSince1970: milliseconds / 1000)
        case .string(let text): return parse(text, timeZone: timeZone)
        case .bool, .null: return nil
        }
    }

    /// The instant `text` names, or `nil`.
    static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 10, trimmed.allSatisfy(\.isASCIIDigitCharacter), let milliseconds = Double(trimmed) {
            return Date(timeIntervalSince1970: milliseconds / 1000)
        }
        var scanner = Substring(trimmed)
        guard let year = number(&scanner, digits: 4), skip(&scanner, "-"), let month = number(&scanner, digits: 2),
            skip(&scanner, "-"), let day = number(&scanner, digits: 2)
        else { return nil }
        var components = DateComponents(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        var fraction = 0.0
        if skip(&scanner, "T") || skip(&scanner, " ") {
            guard let hour = number(&scanner, digits: 2), skip(&scanner, ":"), let minute = number(&scanner, digits: 2)
            else { return nil }
            components.hour = hour
            components.minute = minute
            if skip(&scanner, ":") {
                guard let second = number(&scanner, digits: 2) else { return nil }
                components.second = second
            }
            if skip(&scanner, ".") {
                let digits = scanner.prefix(while: \.isASCIIDigitCharacter)
                fraction = Double("0." + digits) ?? 0
                scanner = scanner.dropFirst(digits.count)
            }
        }
        var zone = timeZone
        if !scanner.isEmpty {
            guard let offset = offsetSeconds(scanner), let fixed = TimeZone(secondsFromGMT: offset) else { return nil }
            zone = fixed
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date.addingTimeInterval(fraction)
    }

    /// `Z`, `+08:00`, `+0800` or `+08` as seconds east of UTC.
    private static func offsetSeconds(_ text: Substring) -> Int? {
        if text == "Z" || text == "z" { return 0 }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy(\.isASCIIDigitCharacter),
            let hours = Int(digits.prefix(2)),
            let minutes = Int(digits.dropFirst(2).isEmpty ? "0" : digits.dropFirst(2))
        else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    private static func number(_ scanner: inout Substring, digits: Int) -> Int? {
        let prefix = scanner.prefix(digits)
        guard prefix.count == digits, prefix.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        scanner = scanner.dropFirst(digits)
        return Int(prefix)
    }

    private static func skip(_ scanner: inout Substring, _ character: Character) -> Bool {
        guard scanner.first == character else { return false }
        scanner = scanner.dropFirst()
        return true
    }
}

extension Character {
    /// `0`–`9` only (``Character/isNumber`` also accepts other scripts' digits).
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isWholeNumber }
}
