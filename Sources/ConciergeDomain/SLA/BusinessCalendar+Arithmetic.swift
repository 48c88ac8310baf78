import Foundation

extension BusinessCalendar {
    /// How many days in a row without business time a search crosses before giving up —
    /// three years, longer than any real closure, short enough to fail fast on a calendar
    /// whose every day is a holiday.
    public static let searchLimitDays = 1_100

    /// Whether `date` falls within opening hours. Intervals include their start and exclude
    /// their end: a desk open 09:00–18:00 is open at 09:00 and closed at 18:00.
    public func isBusinessTime(_ date: Date) -> Bool {
        let day = timeZone.localDay(of: date)
        return (day - 1...day).contains { openings(onDay: $0).contains { $0.contains(date) } }
    }

    /// The first business moment at or after `date`: `date` itself during opening hours,
    /// otherwise the start of the next opening interval.
    ///
    /// - Throws: ``BusinessCalendarError/noWorkingTime(after:)`` when no interval opens within
    ///   ``searchLimitDays`` days.
    public func nextOpening(after date: Date) throws(BusinessCalendarError) -> Date {
        var day = timeZone.localDay(of: date) - 1
        var closedDays = 0
        while closedDays <= Self.searchLimitDays {
            if let opening = openings(onDay: day).first(where: { $0.upperBound > date }) {
                return max(opening.lowerBound, date)
            }
            closedDays += 1
            day += 1
        }
        throw .noWorkingTime(after: date)
    }

    /// The moment at which `seconds` of business time have elapsed after `start` — the
    /// deadline of a target measured in business hours.
    ///
    /// Time before the first opening does not count, so a ticket created at 20:00 starts its
    /// clock at the next opening. A deadline that falls exactly at closing is that closing
    /// time (Friday 17:00 + 1 h on a 09:00–18:00 calendar is Friday 18:00), not the next
    /// opening. Zero or negative `seconds` give `start`.
    ///
    /// - Precondition: `seconds` is finite.
    /// - Throws: ``BusinessCalendarError/noWorkingTime(after:)`` when the calendar has no
    ///   business time for ``searchLimitDays`` days in a row before the amount is reached.
    public func addingBusinessTime(_ seconds: TimeInterval, to start: Date) throws(BusinessCalendarError) -> Date {
        precondition(seconds.isFinite, "business time to add must be finite")
        guard seconds > 0 else { return start }
        var remaining = seconds
        var day = timeZone.localDay(of: start) - 1
        var closedDays = 0
        while closedDays <= Self.searchLimitDays {
            closedDays += 1
            for opening in openings(onDay: day) where opening.upperBound > start {
                closedDays = 0
                let from = max(opening.lowerBound, start)
                let available = opening.upperBound.timeIntervalSince(from)
                if remaining <= available { return from.addingTimeInterval(remaining) }
                remaining -= available
            }
            day += 1
        }
        throw .noWorkingTime(after: start)
    }

    /// The business time, in seconds, between two moments; zero when `end` is not after
    /// `start`.
    public func businessTime(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        for day in (timeZone.localDay(of: start) - 1)...timeZone.localDay(of: end) {
            for opening in openings(onDay: day) {
                let from = max(opening.lowerBound, start)
                let until = min(opening.upperBound, end)
                if until > from { total += until.timeIntervalSince(from) }
            }
        }
        return total
    }

    /// The opening intervals of one local date (days since 1970-01-01) as instants, in order.
    ///
    /// Make-up days win over holidays and weekdays, holidays over weekdays. An interval that
    /// vanishes in a daylight-saving gap (02:00–03:00 on the day clocks skip that hour) is
    /// dropped.
    func openings(onDay day: Int) -> [Range<Date>] {
        let hours = workdays[day] ?? (holidays.contains(day) ? [] : weekly[Weekday(daysSinceEpoch: day)] ?? [])
        return hours.compactMap { interval in
            let start = timeZone.instant(day: day, minute: interval.startMinute)
            let end = timeZone.instant(day: day, minute: interval.endMinute)
            return start < end ? start..<end : nil
        }
    }
}
