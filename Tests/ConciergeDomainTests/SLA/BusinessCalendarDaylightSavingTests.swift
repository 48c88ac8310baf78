import ConciergeDomain
import Foundation
import Testing

/// New York moves its clocks forward on Sunday 2026-03-08 (02:00 EST → 03:00 EDT, a 23-hour
/// day) and back on Sunday 2026-11-01 (02:00 EDT → 01:00 EST, a 25-hour day). Business hours
/// are wall-clock hours, so a 09:00–17:00 day is 8 hours on both, and a 00:00–24:00 day is
/// as long as the day.
@Suite("BusinessCalendar across daylight-saving changes")
struct BusinessCalendarDaylightSavingTests {
    /// (calendar, local day start, next local day start, business hours that day).
    static let days: [(String, String, String, Double)] = [
        ("everyDay", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 8),
        ("everyDay", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 8),
        ("everyDay", "2026-03-07T00:00:00-05:00", "2026-03-08T00:00:00-05:00", 8),
        ("aroundTheClock", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 23),
        ("aroundTheClock", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 25),
        ("aroundTheClock", "2026-03-07T00:00:00-05:00", "2026-03-08T00:00:00-05:00", 24),
        ("aroundTheClock", "2026-07-01T00:00:00-04:00", "2026-07-02T00:00:00-04:00", 24),
        ("office", "2026-03-09T00:00:00-04:00", "2026-03-10T00:00:00-04:00", 8),
        ("office", "2026-11-02T00:00:00-05:00", "2026-11-03T00:00:00-05:00", 8),
    ]

    static func calendar(_ name: String) -> BusinessCalendar {
        switch name {
        case "everyDay": SLAFixtures.newYorkEveryDay
        case "aroundTheClock": SLAFixtures.newYorkAroundTheClock
        default: SLAFixtures.newYorkOffice
        }
    }

    @Test(arguments: days)
    func aDayHoldsItsWallClockHours(_ calendar: String, _ start: String, _ end: String, _ hours: Double) {
        let elapsed = Self.calendar(calendar).businessTime(from: SLAFixtures.date(start), to: SLAFixtures.date(end))
        #expect(elapsed == SLAFixtures.hours(hours))
    }

    /// (calendar, start, business hours, deadline).
    static let additions: [(String, String, Double, String)] = [
        // Friday before each change, over the weekend, to Monday morning on the new offset
        ("office", "2026-03-06T16:00:00-05:00", 2, "2026-03-09T10:00:00-04:00"),
        ("office", "2026-10-30T16:00:00-04:00", 2, "2026-11-02T10:00:00-05:00"),
        // the Sundays themselves open at 09:00 on the new offset
        ("everyDay", "2026-03-08T00:00:00-05:00", 1, "2026-03-08T10:00:00-04:00"),
        ("everyDay", "2026-11-01T00:00:00-04:00", 1, "2026-11-01T10:00:00-05:00"),
        ("everyDay", "2026-03-07T16:00:00-05:00", 9, "2026-03-08T17:00:00-04:00"),
        ("everyDay", "2026-03-07T16:00:00-05:00", 10, "2026-03-09T10:00:00-04:00"),
        // 24 hours around the clock from midnight end an hour into the next day (23-h day)
        // and an hour before its midnight (25-h day)
        ("aroundTheClock", "2026-03-08T00:00:00-05:00", 24, "2026-03-09T01:00:00-04:00"),
        ("aroundTheClock", "2026-11-01T00:00:00-04:00", 24, "2026-11-01T23:00:00-05:00"),
        ("aroundTheClock", "2026-03-08T01:30:00-05:00", 1, "2026-03-08T03:30:00-04:00"),
    ]

    @Test(arguments: additions)
    func addingBusinessTimeCrossesTheChange(_ calendar: String, _ start: String, _ hours: Double, _ deadline: String)
        throws
    {
        let result = try Self.calendar(calendar).addingBusinessTime(
            SLAFixtures.hours(hours), to: SLAFixtures.date(start))
        #expect(result == SLAFixtures.date(deadline))
    }

    @Test(arguments: [
        ("2026-03-09T09:00:00-04:00", true),
        ("2026-03-09T08:59:59-04:00", false),
        ("2026-03-09T16:59:59-04:00", true),
        ("2026-03-09T17:00:00-04:00", false),
        ("2026-11-02T09:00:00-05:00", true),
        ("2026-11-02T08:59:59-05:00", false),
    ])
    func opensAtNineOnTheNewOffset(_ moment: String, _ open: Bool) {
        #expect(SLAFixtures.newYorkOffice.isBusinessTime(SLAFixtures.date(moment)) == open)
    }

    /// An opening inside the skipped hour opens when the clocks jump (03:00 EDT); one inside
    /// the repeated hour opens at its first occurrence, and the repeated hour counts twice.
    @Test(arguments: [
        ("sun", "02:30", "04:00", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 1.0),
        ("sun", "02:30", "04:00", "2026-03-15T00:00:00-04:00", "2026-03-16T00:00:00-04:00", 1.5),
        ("sun", "02:00", "03:00", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 0),
        ("sun", "01:00", "02:00", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 2),
        ("sun", "01:30", "03:00", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 2.5),
    ])
    func openingsInsideTheChangedHourFollowTheWallClock(
        _ weekday: String, _ open: String, _ close: String, _ start: String, _ end: String, _ hours: Double
    ) {
        // given
        let calendar = SLAFixtures.calendar(
            BusinessCalendarDraft(timeZone: "America/New_York", weekly: [weekday: [[open, close]]]))
        // when
        let elapsed = calendar.businessTime(from: SLAFixtures.date(start), to: SLAFixtures.date(end))
        // then
        #expect(elapsed == SLAFixtures.hours(hours))
    }

    @Test func anOpeningInsideTheSkippedHourStartsWhenTheClocksJump() throws {
        let calendar = SLAFixtures.calendar(
            BusinessCalendarDraft(timeZone: "America/New_York", weekly: ["sun": [["02:30", "04:00"]]]))
        let opening = try calendar.nextOpening(after: SLAFixtures.date("2026-03-08T00:00:00-05:00"))
        #expect(opening == SLAFixtures.date("2026-03-08T03:00:00-04:00"))
    }

    /// São Paulo moved its clocks at midnight: on 2018-11-04 the day began at 01:00 (23 hours),
    /// and on 2019-02-16 the last hour before midnight came twice (25 hours).
    @Test(arguments: [
        ("2018-11-04T01:00:00-02:00", "2018-11-05T00:00:00-02:00", 23.0),
        ("2019-02-16T00:00:00-02:00", "2019-02-17T00:00:00-03:00", 25.0),
    ])
    func daysWhoseMidnightIsSkippedOrRepeatedKeepTheirLength(_ start: String, _ end: String, _ hours: Double) throws {
        // given
        let calendar = SLAFixtures.calendar(
            BusinessCalendarDraft(
                timeZone: "America/Sao_Paulo",
                weekly: Dictionary(
                    uniqueKeysWithValues: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map {
                        ($0, [["00:00", "24:00"]])
                    })))
        // when
        let elapsed = calendar.businessTime(from: SLAFixtures.date(start), to: SLAFixtures.date(end))
        let deadline = try calendar.addingBusinessTime(SLAFixtures.hours(hours), to: SLAFixtures.date(start))
        // then
        #expect(elapsed == SLAFixtures.hours(hours))
        #expect(deadline == SLAFixtures.date(end))
        #expect(calendar.isBusinessTime(SLAFixtures.date(start)))
    }

    @Test(arguments: [
        ("2026-03-08T00:00:00+08:00", "2026-03-09T00:00:00+08:00"),
        ("2026-11-01T00:00:00+08:00", "2026-11-02T00:00:00+08:00"),
    ])
    func shanghaiDaysStay24HoursOnNewYorksChangeDates(_ start: String, _ end: String) {
        let calendar = SLAFixtures.calendar(
            BusinessCalendarDraft(
                weekly: Dictionary(
                    uniqueKeysWithValues: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map {
                        ($0, [["00:00", "24:00"]])
                    })))
        #expect(
            calendar.businessTime(from: SLAFixtures.date(start), to: SLAFixtures.date(end)) == SLAFixtures.hours(24))
    }
}
