import Foundation

/// Why a calendar computation has no answer.
public enum BusinessCalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The calendar has no business time in the ``BusinessCalendar/searchLimitDays`` days
    /// after the given moment (every day a holiday, or make-up days that have run out), so no
    /// deadline exists. Searching further would only hide a misconfigured calendar.
    case noWorkingTime(after: Date)

    public var description: String {
        switch self {
        case .noWorkingTime(let date):
            "the business calendar has no working time within \(BusinessCalendar.searchLimitDays) days after \(date)"
        }
    }
}
