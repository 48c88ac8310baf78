/// One opening interval of a local day, in minutes after local midnight: `09:00`–`12:00` is
/// 540..<720.
///
/// Kept in wall-clock minutes rather than seconds from midnight so that a day of 23 or 25
/// hours (a daylight-saving change) still opens and closes at the times on the office clock.
struct WallClockInterval: Sendable, Equatable {
    /// Minutes after local midnight, 0–1439.
    let startMinute: Int
    /// Minutes after local midnight, 1–1440 (`24:00`, the next midnight).
    let endMinute: Int

    /// Minutes in a day; `24:00` is the only time that reaches it.
    static let minutesPerDay = 1_440

    /// The intervals of one day, written `[["09:00", "12:00"], ["13:30", "18:00"]]`.
    ///
    /// - Parameter field: Path of the list (`weekly.mon`); a problem is reported on the
    ///   offending interval (`weekly.mon[1]`).
    /// - Throws: ``ValidationError`` with code `invalid_interval` (not a `[start, end]` pair),
    ///   `invalid_time` (not `HH:MM` within 00:00–24:00), `empty_interval` (end not after
    ///   start), `unsorted_intervals` or `overlapping_intervals`.
    static func day(_ pairs: [[String]], field: String) throws(ValidationError) -> [WallClockInterval] {
        var result: [WallClockInterval] = []
        for (index, pair) in pairs.enumerated() {
            let path = "\(field)[\(index)]"
            guard pair.count == 2 else {
                throw ValidationError(
                    field: path, code: "invalid_interval",
                    message: "must be [start, end] such as [\"09:00\", \"12:00\"]")
            }
            let start = try minute(pair[0], isEnd: false, field: path)
            let end = try minute(pair[1], isEnd: true, field: path)
            guard start < end else {
                throw ValidationError(
                    field: path, code: "empty_interval", message: "must end after it starts (\(pair[0])–\(pair[1]))")
            }
            if let previous = result.last {
                if start < previous.startMinute {
                    throw ValidationError(
                        field: path, code: "unsorted_intervals", message: "must come after the previous interval")
                }
                if start < previous.endMinute {
                    throw ValidationError(
                        field: path, code: "overlapping_intervals", message: "overlaps the previous interval")
                }
            }
            result.append(WallClockInterval(startMinute: start, endMinute: end))
        }
        return result
    }

    /// `[start, end]` as written in a calendar (`["13:30", "24:00"]`).
    var pair: [String] { [Self.text(startMinute), Self.text(endMinute)] }

    /// Parses `HH:MM`; `24:00` only as the end of an interval.
    private static func minute(_ text: String, isEnd: Bool, field: String) throws(ValidationError) -> Int {
        let bytes = Array(text.utf8)
        let parsed: Int? =
            if bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
                let hour = CalendarDate.number(bytes[0..<2]), let minute = CalendarDate.number(bytes[3..<5]),
                (hour < 24 && minute < 60) || (isEnd && hour == 24 && minute == 0)
            {
                hour * 60 + minute
            } else {
                nil
            }
        guard let parsed else {
            throw ValidationError(
                field: field, code: "invalid_time",
                message: "'\(text)' is not a time HH:MM between 00:00 and 24:00 (24:00 only as an end)")
        }
        return parsed
    }

    private static func text(_ minute: Int) -> String {
        "\(CalendarDate.pad(minute / 60, 2)):\(CalendarDate.pad(minute % 60, 2))"
    }
}
