import Foundation

/// Reads an RFC 5322 `Date` field (§3.3), obsolete forms included (§4.3): two- and three-digit
/// years, zone names such as `GMT`, `EST` and military letters, missing seconds, comments such as
/// `(CST)`, and a missing zone, read as UTC.
enum InboundDateParser {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let namedZones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "edt": -4, "est": -5, "cdt": -5, "cst": -6, "mdt": -6, "mst": -7,
        "pdt": -7, "pst": -8,
    ]

    /// The instant `value` names, or nil when it is not a date.
    static func date(from value: String) -> Date? {
        var tokens = withoutComments(value).replacingOccurrences(of: ",", with: " ")
            .split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        if let first = tokens.first, weekdays.contains(where: first.hasPrefix) { tokens.removeFirst() }
        guard tokens.count >= 4,
            let day = Int(tokens[0]), (1...31).contains(day),
            let month = months.firstIndex(where: tokens[1].hasPrefix),
            let year = fourDigitYear(tokens[2]),
            let seconds = secondsOfDay(tokens[3]),
            let offset = tokens.count > 4 ? zoneOffsetSeconds(tokens[4]) : 0
        else { return nil }
        let days = daysSinceEpoch(year: year, month: month + 1, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + seconds - offset))
    }

    private static func withoutComments(_ value: String) -> String {
        var depth = 0
        var result = ""
        for character in value {
            switch character {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            default: if depth == 0 { result.append(character) }
            }
        }
        return result
    }

    /// RFC 5322 §4.3: two-digit years below 50 are 20xx, others 19xx; three-digit years add 1900.
    private static func fourDigitYear(_ token: String) -> Int? {
        guard let year = Int(token), year >= 0 else { return nil }
        switch token.count {
        case 1, 2: return year < 50 ? 2000 + year : 1900 + year
        case 3: return 1900 + year
        default: return year
        }
    }

    /// `hh:mm` or `hh:mm:ss`; a leap second counts as the second before it.
    private static func secondsOfDay(_ token: String) -> Int? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2 || parts.count == 3,
            let hour = parts[0], (0...23).contains(hour),
            let minute = parts[1], (0...59).contains(minute)
        else { return nil }
        let second = parts.count == 3 ? parts[2] : 0
        guard let second, (0...60).contains(second) else { return nil }
        return hour * 3600 + minute * 60 + min(second, 59)
    }

    /// `+0800`, `-05:00`, `GMT+0800`, a named zone, or a military letter (read as UTC, since
    /// RFC 822 got their signs wrong); unknown names are read as UTC too.
    private static func zoneOffsetSeconds(_ token: String) -> Int? {
        if let hours = namedZones[token] { return hours * 3600 }
        let numeric = token.drop { $0.isLetter }
        guard let sign = numeric.first, sign == "+" || sign == "-" else { return 0 }
        let digits = numeric.dropFirst().filter { $0 != ":" }
        guard digits.count == 4, let value = Int(digits) else { return nil }
        let seconds = (value / 100) * 3600 + (value % 100) * 60
        return sign == "-" ? -seconds : seconds
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
