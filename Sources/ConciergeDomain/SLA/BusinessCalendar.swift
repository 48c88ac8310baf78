import Foundation

/// When a tenant (or one of its teams) is at work: weekly opening hours on the wall clock of
/// one time zone, minus holidays, plus make-up working days (调休).
///
/// A calendar only exists checked: build it from a ``BusinessCalendarDraft`` (or decode it,
/// which checks the same way). The arithmetic — ``isBusinessTime(_:)``,
/// ``addingBusinessTime(_:to:)``, ``businessTime(from:to:)``, ``nextOpening(after:)`` — is
/// pure and walks day by day over opening intervals, so adding 40 business hours costs a
/// handful of days, not thousands of minutes.
///
/// Hours are wall-clock hours: 09:00–17:00 is 8 business hours on every day, including the
/// days on which daylight saving starts or ends, and 00:00–24:00 is 23 or 25 hours on those
/// days.
public struct BusinessCalendar: Sendable, Equatable {
    /// The zone whose wall clock the hours are read on.
    public let timeZone: TimeZone
    /// This calendar as written, normalised: holidays sorted and listed once, make-up days
    /// sorted by date, times written `HH:MM`. This is what ``encode(to:)`` writes.
    public let draft: BusinessCalendarDraft
    /// Hours per weekday; a missing weekday is closed.
    let weekly: [Weekday: [WallClockInterval]]
    /// Closed dates, as days since 1970-01-01.
    let holidays: Set<Int>
    /// Worked dates with their hours, as days since 1970-01-01.
    let workdays: [Int: [WallClockInterval]]

    /// Checks a draft and builds the calendar from it.
    ///
    /// - Throws: ``ValidationError`` naming the field: `time_zone` (`invalid_time_zone`);
    ///   `weekly.monday` (`invalid_weekday`); `weekly.mon[1]` (`invalid_interval`,
    ///   `invalid_time`, `empty_interval`, `unsorted_intervals`, `overlapping_intervals`);
    ///   `weekly` (`no_working_time` when no weekday has hours); `holidays[2]` and
    ///   `workdays[0]` (`invalid_date`); `workdays[0]` (`duplicate_date`, or
    ///   `conflicting_date` when the date is also a holiday); `workdays[0].hours[1]` as for
    ///   weekly hours.
    public init(_ draft: BusinessCalendarDraft) throws(ValidationError) {
        try Validate.timeZone(draft.timeZone, field: "time_zone")
        guard let timeZone = TimeZone(identifier: draft.timeZone) else {
            throw ValidationError(
                field: "time_zone", code: "invalid_time_zone",
                message: "is not an IANA time zone such as Asia/Shanghai")
        }
        var weekly: [Weekday: [WallClockInterval]] = [:]
        for key in draft.weekly.keys.sorted() {
            guard let weekday = Weekday(rawValue: key) else {
                throw ValidationError(
                    field: "weekly.\(key)", code: "invalid_weekday", message: "must be one of mon, tue, … sun")
            }
            weekly[weekday] = try WallClockInterval.day(draft.weekly[key] ?? [], field: "weekly.\(key)")
        }
        guard let standardHours = Weekday.allCases.lazy.compactMap({ weekly[$0] }).first(where: { !$0.isEmpty })
        else {
            throw ValidationError(
                field: "weekly", code: "no_working_time", message: "must give opening hours for at least one weekday")
        }
        var holidays: Set<Int> = []
        for (index, text) in draft.holidays.enumerated() {
            holidays.insert(try Self.day(text, field: "holidays[\(index)]"))
        }
        var workdays: [Int: [WallClockInterval]] = [:]
        var writtenWorkdays: [(day: Int, hours: [[String]]?)] = []
        for (index, workday) in draft.workdays.enumerated() {
            let field = "workdays[\(index)]"
            let day = try Self.day(workday.date, field: field)
            guard workdays[day] == nil else {
                throw ValidationError(field: field, code: "duplicate_date", message: "\(workday.date) is listed twice")
            }
            guard !holidays.contains(day) else {
                throw ValidationError(
                    field: field, code: "conflicting_date", message: "\(workday.date) is also listed as a holiday")
            }
            let hours = try workday.hours.map { pairs throws(ValidationError) in
                try WallClockInterval.day(pairs, field: "\(field).hours")
            }
            workdays[day] = hours ?? standardHours
            writtenWorkdays.append((day, hours?.map(\.pair)))
        }
        self.timeZone = timeZone
        self.weekly = weekly
        self.holidays = holidays
        self.workdays = workdays
        self.draft = BusinessCalendarDraft(
            timeZone: draft.timeZone,
            weekly: weekly.reduce(into: [:]) { result, entry in result[entry.key.rawValue] = entry.value.map(\.pair) },
            holidays: holidays.sorted().map(Self.text),
            workdays: writtenWorkdays.sorted { $0.day < $1.day }.map {
                BusinessCalendarDraft.Workday(date: Self.text($0.day), hours: $0.hours)
            })
    }

    /// Open around the clock in UTC: the calendar to pass when a tenant has set no business
    /// hours, under which business time is plain elapsed time.
    public static let alwaysOpen: BusinessCalendar = {
        let day = [["00:00", "24:00"]]
        let weekly = Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0.rawValue, day) })
        return try! BusinessCalendar(BusinessCalendarDraft(timeZone: "UTC", weekly: weekly))
    }()

    /// A `YYYY-MM-DD` date as days since 1970-01-01.
    private static func day(_ text: String, field: String) throws(ValidationError) -> Int {
        guard let date = CalendarDate(text) else {
            throw ValidationError(field: field, code: "invalid_date", message: "'\(text)' is not a date YYYY-MM-DD")
        }
        return date.daysSinceEpoch
    }

    /// Days since 1970-01-01 as `YYYY-MM-DD`; every day a calendar accepted has a text.
    private static func text(_ day: Int) -> String {
        CalendarDate(daysSinceEpoch: day)?.description ?? String(day)
    }
}

extension BusinessCalendar: Codable {
    /// Reads a ``BusinessCalendarDraft`` and checks it; an invalid calendar is a decoding
    /// error that carries the ``ValidationError``'s field and message.
    public init(from decoder: any Decoder) throws {
        let draft = try BusinessCalendarDraft(from: decoder)
        do {
            try self.init(draft)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Writes ``draft``.
    public func encode(to encoder: any Encoder) throws {
        try draft.encode(to: encoder)
    }
}
