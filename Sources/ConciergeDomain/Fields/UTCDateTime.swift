/// Normalises ISO 8601 / RFC 3339 date-times with a time zone to UTC
/// (`YYYY-MM-DDTHH:MM:SSZ`).
///
/// Accepted: `YYYY-MM-DDTHH:MM`, optionally `:SS` and a fraction (dropped — stored values
/// have whole seconds), then `Z`, `±HH:MM` or `±HHMM`. A value without a zone is refused: it
/// would mean a different instant for every tenant.
enum UTCDateTime {
    /// The UTC form of `text`, `nil` when it is not a valid date-time with a zone.
    static func normalized(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 17, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            let date = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = CalendarDate.number(bytes[11..<13]), let minute = CalendarDate.number(bytes[14..<16]),
            hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second = 0
        if bytes[index] == UInt8(ascii: ":") {
            guard bytes.count >= index + 3, let value = CalendarDate.number(bytes[(index + 1)..<(index + 3)]),
                value < 60
            else { return nil }
            second = value
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let fractionStart = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                guard index > fractionStart else { return nil }
            }
        }
        guard let offsetMinutes = offset(bytes[index...]) else { return nil }
        let seconds =
            date.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secondOfDay = seconds - days * 86_400
        guard let utcDate = CalendarDate(daysSinceEpoch: days) else { return nil }
        let time =
            "\(CalendarDate.pad(secondOfDay / 3_600, 2)):\(CalendarDate.pad(secondOfDay % 3_600 / 60, 2)):\(CalendarDate.pad(secondOfDay % 60, 2))"
        return "\(utcDate)T\(time)Z"
    }

    /// Minutes east of UTC for `Z`, `±HH:MM` or `±HHMM` (hours up to 23), `nil` otherwise.
    private static func offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        let zone = Array(bytes)
        if zone == [UInt8(ascii: "Z")] { return 0 }
        guard let sign = zone.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let digits: [UInt8]
        switch zone.count {
        case 6 where zone[3] == UInt8(ascii: ":"): digits = Array(zone[1..<3] + zone[4..<6])
        case 5: digits = Array(zone[1..<5])
        default: return nil
        }
        guard let hours = CalendarDate.number(digits[0..<2]), let minutes = CalendarDate.number(digits[2..<4]),
            hours < 24, minutes < 60
        else { return nil }
        let total = hours * 60 + minutes
        return sign == UInt8(ascii: "-") ? -total : total
    }
}
