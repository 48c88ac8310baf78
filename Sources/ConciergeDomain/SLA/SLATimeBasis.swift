import Foundation

/// The time a target counts in: business hours of a calendar, or every second.
struct SLATimeBasis: Sendable {
    /// The calendar, `nil` for calendar time (around the clock).
    let calendar: BusinessCalendar?

    /// The counted time between two moments.
    func elapsed(from start: Date, to end: Date) -> TimeInterval {
        guard let calendar else { return max(0, end.timeIntervalSince(start)) }
        return calendar.businessTime(from: start, to: end)
    }

    /// The moment `seconds` of counted time after `start`.
    func adding(_ seconds: TimeInterval, to start: Date) throws(BusinessCalendarError) -> Date {
        guard let calendar else { return start.addingTimeInterval(max(0, seconds)) }
        return try calendar.addingBusinessTime(seconds, to: start)
    }

    /// The counted time in `spans` up to `end`.
    func elapsed(in spans: [SLASpan], until end: Date) -> TimeInterval {
        spans.reduce(0) { total, span in
            span.start < end ? total + elapsed(from: span.start, to: min(span.end ?? end, end)) : total
        }
    }

    /// The first moment at which `spans` (in order, the last open-ended) hold `seconds` of
    /// counted time; `fallback` for an amount of zero or less.
    func moment(reaching seconds: TimeInterval, in spans: [SLASpan], fallback: Date) throws(BusinessCalendarError)
        -> Date
    {
        guard seconds > 0 else { return fallback }
        var remaining = seconds
        for span in spans {
            guard let end = span.end else { return try adding(remaining, to: span.start) }
            let available = elapsed(from: span.start, to: end)
            if remaining <= available { return try adding(remaining, to: span.start) }
            remaining -= available
        }
        // The clock's spans always end open-ended, so this is only reached by a caller that
        // passes closed spans; the amount is then never reached.
        return Date.distantFuture
    }
}
