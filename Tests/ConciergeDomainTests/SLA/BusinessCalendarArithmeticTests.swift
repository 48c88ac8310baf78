import ConciergeDomain
import Foundation
import Testing

@Suite("BusinessCalendar arithmetic on the Shanghai office calendar")
struct BusinessCalendarArithmeticTests {
    static let office = SLAFixtures.shanghaiOffice

    /// (start, business hours to add, deadline); 2026-03-06 is a Friday, 03-09 a Monday.
    static let additions: [(String, Double, String)] = [
        // overnight and over the weekend
        ("2026-03-06T17:00:00+08:00", 2, "2026-03-09T10:00:00+08:00"),
        ("2026-03-09T17:30:00+08:00", 1, "2026-03-10T09:30:00+08:00"),
        // lunch break
        ("2026-03-09T11:00:00+08:00", 2, "2026-03-09T14:30:00+08:00"),
        ("2026-03-09T12:15:00+08:00", 0.5, "2026-03-09T14:00:00+08:00"),
        ("2026-03-09T11:30:00+08:00", 0.5, "2026-03-09T12:00:00+08:00"),
        // outside hours: the clock starts at the next opening
        ("2026-03-09T07:00:00+08:00", 1, "2026-03-09T10:00:00+08:00"),
        ("2026-03-07T10:00:00+08:00", 1, "2026-03-09T10:00:00+08:00"),
        ("2026-03-06T23:59:59+08:00", 7.5, "2026-03-09T18:00:00+08:00"),
        // exactly at opening and closing
        ("2026-03-09T09:00:00+08:00", 3, "2026-03-09T12:00:00+08:00"),
        ("2026-03-09T13:30:00+08:00", 4.5, "2026-03-09T18:00:00+08:00"),
        ("2026-03-09T18:00:00+08:00", 1, "2026-03-10T10:00:00+08:00"),
        ("2026-03-09T12:00:00+08:00", 1, "2026-03-09T14:30:00+08:00"),
        ("2026-03-09T17:00:00+08:00", 1, "2026-03-09T18:00:00+08:00"),
        // 40 business hours is five 7.5-hour days and 2.5 hours
        ("2026-03-09T09:00:00+08:00", 40, "2026-03-16T11:30:00+08:00"),
        // 国庆: the holidays are skipped
        ("2026-09-30T17:00:00+08:00", 2, "2026-10-08T10:00:00+08:00"),
        ("2026-10-01T10:00:00+08:00", 1, "2026-10-08T10:00:00+08:00"),
        // 调休: the make-up Sunday works standard hours, the make-up Saturday a morning
        ("2026-09-19T10:00:00+08:00", 1, "2026-09-20T10:00:00+08:00"),
        ("2026-09-20T17:00:00+08:00", 2, "2026-09-21T10:00:00+08:00"),
        ("2026-10-09T17:00:00+08:00", 4, "2026-10-10T12:00:00+08:00"),
        ("2026-10-09T17:00:00+08:00", 5, "2026-10-12T10:00:00+08:00"),
        // a start given in another zone is the same instant
        ("2026-03-09T01:00:00Z", 1, "2026-03-09T10:00:00+08:00"),
    ]

    @Test(arguments: additions)
    func addingBusinessTimeFindsTheDeadline(_ start: String, _ hours: Double, _ deadline: String) throws {
        // when
        let result = try Self.office.addingBusinessTime(SLAFixtures.hours(hours), to: SLAFixtures.date(start))
        // then
        #expect(result == SLAFixtures.date(deadline))
    }

    @Test(arguments: additions)
    func businessTimeUpToTheDeadlineIsTheAmountAdded(_ start: String, _ hours: Double, _ deadline: String) {
        let elapsed = Self.office.businessTime(from: SLAFixtures.date(start), to: SLAFixtures.date(deadline))
        #expect(elapsed == SLAFixtures.hours(hours))
    }

    @Test(arguments: [0, -60])
    func addingNothingStaysAtTheStartEvenWhenClosed(_ seconds: TimeInterval) throws {
        let saturday = SLAFixtures.date("2026-03-07T10:00:00+08:00")
        #expect(try Self.office.addingBusinessTime(seconds, to: saturday) == saturday)
    }

    /// (start, end, business hours between them).
    static let spans: [(String, String, Double)] = [
        ("2026-03-09T00:00:00+08:00", "2026-03-16T00:00:00+08:00", 37.5),
        ("2026-03-06T17:00:00+08:00", "2026-03-09T10:00:00+08:00", 2),
        ("2026-03-07T00:00:00+08:00", "2026-03-09T00:00:00+08:00", 0),
        ("2026-03-09T12:00:00+08:00", "2026-03-09T13:30:00+08:00", 0),
        ("2026-03-09T11:59:00+08:00", "2026-03-09T13:31:00+08:00", 2.0 / 60),
        ("2026-03-09T10:00:00+08:00", "2026-03-09T10:00:00+08:00", 0),
        ("2026-03-09T12:00:00+08:00", "2026-03-09T10:00:00+08:00", 0),
        // Mon 09-28 to Sun 10-11: three days, 国庆, two days, the make-up Saturday morning
        ("2026-09-28T00:00:00+08:00", "2026-10-11T00:00:00+08:00", 40.5),
        ("2026-09-20T00:00:00+08:00", "2026-09-21T00:00:00+08:00", 7.5),
    ]

    @Test(arguments: spans)
    func businessTimeCountsOnlyOpeningHours(_ start: String, _ end: String, _ hours: Double) {
        let elapsed = Self.office.businessTime(from: SLAFixtures.date(start), to: SLAFixtures.date(end))
        #expect(abs(elapsed - SLAFixtures.hours(hours)) < 0.001)
    }

    @Test(arguments: [
        ("2026-03-09T09:00:00+08:00", true),
        ("2026-03-09T08:59:59+08:00", false),
        ("2026-03-09T11:59:59+08:00", true),
        ("2026-03-09T12:00:00+08:00", false),
        ("2026-03-09T13:29:59+08:00", false),
        ("2026-03-09T13:30:00+08:00", true),
        ("2026-03-09T17:59:59+08:00", true),
        ("2026-03-09T18:00:00+08:00", false),
        ("2026-03-07T10:00:00+08:00", false),
        ("2026-10-01T10:00:00+08:00", false),
        ("2026-10-08T10:00:00+08:00", true),
        ("2026-09-20T10:00:00+08:00", true),
        ("2026-10-10T11:00:00+08:00", true),
        ("2026-10-10T13:30:00+08:00", false),
        ("2026-03-09T02:00:00Z", true),
    ])
    func isBusinessTimeIncludesOpeningAndExcludesClosing(_ moment: String, _ open: Bool) {
        #expect(Self.office.isBusinessTime(SLAFixtures.date(moment)) == open)
    }

    @Test(arguments: [
        ("2026-03-09T08:00:00+08:00", "2026-03-09T09:00:00+08:00"),
        ("2026-03-09T10:00:00+08:00", "2026-03-09T10:00:00+08:00"),
        ("2026-03-09T09:00:00+08:00", "2026-03-09T09:00:00+08:00"),
        ("2026-03-09T12:00:00+08:00", "2026-03-09T13:30:00+08:00"),
        ("2026-03-06T18:00:00+08:00", "2026-03-09T09:00:00+08:00"),
        ("2026-09-30T18:00:00+08:00", "2026-10-08T09:00:00+08:00"),
        ("2026-09-19T10:00:00+08:00", "2026-09-20T09:00:00+08:00"),
        ("2026-10-10T12:00:00+08:00", "2026-10-12T09:00:00+08:00"),
    ])
    func nextOpeningIsNowWhenOpenAndTheNextIntervalOtherwise(_ moment: String, _ opening: String) throws {
        #expect(try Self.office.nextOpening(after: SLAFixtures.date(moment)) == SLAFixtures.date(opening))
    }

    @Test func alwaysOpenCountsEverySecond() throws {
        // given
        let start = SLAFixtures.date("2026-03-07T22:15:00+08:00")
        // when
        let deadline = try BusinessCalendar.alwaysOpen.addingBusinessTime(SLAFixtures.hours(40), to: start)
        // then
        #expect(deadline == SLAFixtures.date("2026-03-09T14:15:00+08:00"))
        #expect(BusinessCalendar.alwaysOpen.businessTime(from: start, to: deadline) == SLAFixtures.hours(40))
        #expect(BusinessCalendar.alwaysOpen.isBusinessTime(start))
    }
}
