import ConciergeDomain
import Foundation
import Testing

/// Report days in the tenant's zone: today, this month, the recent days and their bounds.
@Suite struct ReportingCalendarTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    static let newYork = TimeZone(identifier: "America/New_York")!

    static func instant(_ iso: String) -> Date { try! Date(iso, strategy: .iso8601) }

    @Test func todayBeginsAtTheTenantsMidnightNotUTCs() {
        // 2026-11-24 00:30 in Shanghai is still the 23rd in UTC
        let calendar = ReportingCalendar(timeZone: Self.shanghai, now: Self.instant("2026-11-23T16:30:00Z"))
        #expect(calendar.today.key == "2026-11-24")
        #expect(calendar.today.start == Self.instant("2026-11-23T16:00:00Z"))
        #expect(calendar.today.end == Self.instant("2026-11-24T16:00:00Z"))
    }

    @Test func theMonthBeginsOnTheFirstAtLocalMidnight() {
        let calendar = ReportingCalendar(timeZone: Self.shanghai, now: Self.instant("2026-12-01T03:00:00Z"))
        #expect(calendar.startOfMonth == Self.instant("2026-11-30T16:00:00Z"))
        let late = ReportingCalendar(timeZone: Self.shanghai, now: Self.instant("2026-11-30T15:59:59Z"))
        #expect(late.startOfMonth == Self.instant("2026-10-31T16:00:00Z"))
    }

    @Test func recentDaysAreContiguousOldestFirstAndEndToday() {
        let calendar = ReportingCalendar(timeZone: Self.shanghai, now: Self.instant("2026-03-02T01:00:00Z"))
        let days = calendar.recentDays(4)
        #expect(days.map(\.key) == ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"])
        for (day, next) in zip(days, days.dropFirst()) {
            #expect(day.end == next.start)
        }
        #expect(days.last == calendar.today)
        #expect(calendar.recentDays(0).isEmpty)
    }

    @Test func daysWhenClocksChangeLast23Or25Hours() {
        // New York: clocks go forward on 2026-03-08 and back on 2026-11-01
        let spring = ReportingCalendar(timeZone: Self.newYork, now: Self.instant("2026-03-08T18:00:00Z")).today
        #expect(spring.key == "2026-03-08")
        #expect(spring.end.timeIntervalSince(spring.start) == 23 * 3600)
        let autumn = ReportingCalendar(timeZone: Self.newYork, now: Self.instant("2026-11-01T18:00:00Z")).today
        #expect(autumn.end.timeIntervalSince(autumn.start) == 25 * 3600)
        #expect(autumn.start == Self.instant("2026-11-01T04:00:00Z"))
    }

    @Test func leapDaysAndCenturiesNameTheRightDate() {
        let leap = ReportingCalendar(timeZone: .gmt, now: Self.instant("2028-02-29T12:00:00Z")).today
        #expect(leap.key == "2028-02-29" && leap.month == 2 && leap.dayOfMonth == 29 && leap.year == 2028)
        let century = ReportingCalendar(timeZone: .gmt, now: Self.instant("2100-03-01T00:00:00Z")).recentDays(2)
        #expect(century.map(\.key) == ["2100-02-28", "2100-03-01"])  // 2100 is not a leap year
        let epoch = ReportingCalendar(timeZone: .gmt, now: Self.instant("1969-12-31T23:59:59Z")).today
        #expect(epoch.key == "1969-12-31")
    }
}

/// The dashboard's tallies: shares rounded down, empty periods without a share.
@Suite struct DashboardTallyTests {
    @Test func theMetShareIsRoundedDownAndAbsentWhenNothingWasDecided() {
        #expect(SLAOutcomeTally(met: 0, missed: 0).metPercent == nil)
        #expect(SLAOutcomeTally(met: 2, missed: 1).metPercent == 66)
        #expect(SLAOutcomeTally(met: 999, missed: 1).metPercent == 99)
        #expect(SLAOutcomeTally(met: 4, missed: 0).metPercent == 100)
        #expect(SLAOutcomeTally(met: 3, missed: 2).decided == 5)
    }

    @Test func csatCountsFoursAndFivesAsSatisfied() {
        let tally = SatisfactionTally(counts: [5: 3, 4: 1, 2: 1, 1: 1, 7: 9, 0: 2, 3: 0])
        #expect(tally.answered == 6)  // ratings outside 1–5 are ignored
        #expect(tally.satisfied == 4)
        #expect(tally.satisfiedPercent == 66)
        #expect(tally.average == Double(5 * 3 + 4 + 2 + 1) / 6)
        #expect(SatisfactionTally(counts: [:]).satisfiedPercent == nil)
        #expect(SatisfactionTally(counts: [:]).average == nil)
    }

    @Test func channelsAreRankedLargestFirstThenByNameWithoutEmptyOnes() {
        let ranked = ChannelVolume.ranked(["web": 1, "email": 5, "phone": 1, "chat": 0])
        #expect(
            ranked == [
                .init(channel: "email", count: 5), .init(channel: "phone", count: 1), .init(channel: "web", count: 1),
            ])
    }

    @Test func theBacklogTotalAndTodaysIntakeComeFromTheParts() {
        let days = ReportingCalendar(timeZone: .gmt, now: Date(timeIntervalSince1970: 86_400 * 3)).recentDays(2)
        let figures = DashboardFigures(
            computedAt: Date(), backlog: [.new: 2, .open: 5, .pending: 1],
            firstReplyToday: .init(met: 0, missed: 0), satisfactionThisMonth: .init(counts: [:]), channels: [],
            days: [.init(day: days[0], created: 9, solved: 1), .init(day: days[1], created: 4, solved: 2)])
        #expect(figures.openBacklog == 8)
        #expect(figures.createdToday == 4)
    }
}
