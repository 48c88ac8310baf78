import Foundation

/// The tenant's calendar days for reports: where today and this month begin in the tenant's
/// time zone, and the recent days a chart shows. Day boundaries are computed here, once, and
/// handed to the database as instants, so a day is the same day in every figure.
public struct ReportingCalendar: Sendable, Equatable {
    /// The zone the days are counted in.
    public let timeZone: TimeZone
    /// The moment the report is for.
    public let now: Date

    public init(timeZone: TimeZone, now: Date) {
        self.timeZone = timeZone
        self.now = now
    }

    /// Today, in the tenant's time zone.
    public var today: ReportingDay { ReportingDay(number: timeZone.localDay(of: now), timeZone: timeZone) }

    /// The first instant of the current month.
    public var startOfMonth: Date {
        let today = self.today
        return ReportingDay(number: today.number - (today.dayOfMonth - 1), timeZone: timeZone).start
    }

    /// The last `count` days, oldest first, ending with today.
    public func recentDays(_ count: Int) -> [ReportingDay] {
        let today = timeZone.localDay(of: now)
        return (0..<max(count, 0)).reversed().map { ReportingDay(number: today - $0, timeZone: timeZone) }
    }
}

/// One calendar day in a time zone: from its midnight to the next (23 or 25 hours on the days
/// clocks change).
public struct ReportingDay: Sendable, Hashable {
    /// Days since 1970-01-01.
    public let number: Int
    public let start: Date
    public let end: Date
    public let year: Int
    public let month: Int
    public let dayOfMonth: Int

    init(number: Int, timeZone: TimeZone) {
        self.number = number
        start = timeZone.instant(day: number, minute: 0)
        end = timeZone.instant(day: number + 1, minute: 0)
        (year, month, dayOfMonth) = Self.civilDate(daysSince1970: number)
    }

    /// `2026-11-24`.
    public var key: String { String(format: "%04d-%02d-%02d", year, month, dayOfMonth) }

    /// The proleptic Gregorian date of a day count (Howard Hinnant's `civil_from_days`).
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
