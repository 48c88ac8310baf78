import ConciergeDomain
import Foundation
import Testing

@Suite("BusinessCalendar validation")
struct BusinessCalendarValidationTests {
    static func draft(
        timeZone: String = "Asia/Shanghai", weekly: [String: [[String]]] = ["mon": [["09:00", "18:00"]]],
        holidays: [String] = [], workdays: [BusinessCalendarDraft.Workday] = []
    ) -> BusinessCalendarDraft {
        BusinessCalendarDraft(timeZone: timeZone, weekly: weekly, holidays: holidays, workdays: workdays)
    }

    /// (weekly hours of Monday, field, code).
    static let badHours: [([[String]], String, String)] = [
        ([["09:00", "12:00"], ["11:00", "13:00"]], "weekly.mon[1]", "overlapping_intervals"),
        ([["09:00", "12:00"], ["09:00", "10:00"]], "weekly.mon[1]", "overlapping_intervals"),
        ([["13:30", "18:00"], ["09:00", "12:00"]], "weekly.mon[1]", "unsorted_intervals"),
        ([["09:00", "25:00"]], "weekly.mon[0]", "invalid_time"),
        ([["24:00", "24:00"]], "weekly.mon[0]", "invalid_time"),
        ([["09:00", "24:30"]], "weekly.mon[0]", "invalid_time"),
        ([["9:00", "12:00"]], "weekly.mon[0]", "invalid_time"),
        ([["09:60", "12:00"]], "weekly.mon[0]", "invalid_time"),
        ([["09h00", "12:00"]], "weekly.mon[0]", "invalid_time"),
        ([["", "12:00"]], "weekly.mon[0]", "invalid_time"),
        ([["-1:00", "12:00"]], "weekly.mon[0]", "invalid_time"),
        ([["12:00", "09:00"]], "weekly.mon[0]", "empty_interval"),
        ([["09:00", "09:00"]], "weekly.mon[0]", "empty_interval"),
        ([["09:00"]], "weekly.mon[0]", "invalid_interval"),
        ([["09:00", "12:00", "13:00"]], "weekly.mon[0]", "invalid_interval"),
        ([["08:00", "09:00"], []], "weekly.mon[1]", "invalid_interval"),
    ]

    @Test(arguments: badHours)
    func badWeeklyHoursAreRefusedNamingTheInterval(_ hours: [[String]], _ field: String, _ code: String) {
        let error = validationError { try BusinessCalendar(Self.draft(weekly: ["mon": hours])) }
        #expect(error?.field == field)
        #expect(error?.code == code)
    }

    @Test func aBadTimeIsQuotedInTheMessage() {
        let error = validationError { try BusinessCalendar(Self.draft(weekly: ["tue": [["09:00", "25:00"]]])) }
        #expect(
            error
                == ValidationError(
                    field: "weekly.tue[0]", code: "invalid_time",
                    message: "'25:00' is not a time HH:MM between 00:00 and 24:00 (24:00 only as an end)"))
    }

    @Test(arguments: [
        [["00:00", "24:00"]],
        [["09:00", "12:00"], ["12:00", "13:00"]],
        [["09:00", "12:00"], ["13:30", "18:00"], ["19:00", "21:00"]],
        [["23:59", "24:00"]],
    ])
    func goodWeeklyHoursAreAccepted(_ hours: [[String]]) throws {
        let calendar = try BusinessCalendar(Self.draft(weekly: ["mon": hours, "sun": []]))
        #expect(calendar.draft.weekly["mon"] == hours)
    }

    @Test(arguments: ["Mars/Base", "", "CST", "Shanghai", "GMT+8", "Asia/Beijing"])
    func anUnknownTimeZoneIsRefused(_ name: String) {
        let error = validationError { try BusinessCalendar(Self.draft(timeZone: name)) }
        #expect(error?.field == "time_zone")
        #expect(error?.code == "invalid_time_zone")
    }

    @Test(arguments: ["monday", "Mon", "周一", ""])
    func anUnknownWeekdayIsRefused(_ key: String) {
        let error = validationError { try BusinessCalendar(Self.draft(weekly: [key: [["09:00", "18:00"]]])) }
        #expect(error?.field == "weekly.\(key)")
        #expect(error?.code == "invalid_weekday")
    }

    /// (draft, field, code) for dates.
    static let badDates: [(BusinessCalendarDraft, String, String)] = [
        (draft(holidays: ["2026-10-01", "2026-02-30"]), "holidays[1]", "invalid_date"),
        (draft(holidays: ["2026/10/01"]), "holidays[0]", "invalid_date"),
        (draft(holidays: ["2026-10-1"]), "holidays[0]", "invalid_date"),
        (draft(workdays: [.init(date: "2026-13-01")]), "workdays[0]", "invalid_date"),
        (draft(workdays: [.init(date: "2026-09-20"), .init(date: "2026-09-20")]), "workdays[1]", "duplicate_date"),
        (draft(holidays: ["2026-10-10"], workdays: [.init(date: "2026-10-10")]), "workdays[0]", "conflicting_date"),
        (
            draft(workdays: [.init(date: "2026-10-10", hours: [["09:00", "12:00"], ["11:00", "12:30"]])]),
            "workdays[0].hours[1]", "overlapping_intervals"
        ),
        (
            draft(workdays: [.init(date: "2026-10-10", hours: [["09:00", "25:00"]])]), "workdays[0].hours[0]",
            "invalid_time"
        ),
        (draft(weekly: [:]), "weekly", "no_working_time"),
        (
            draft(weekly: ["sat": []], workdays: [.init(date: "2026-10-10", hours: [["09:00", "12:00"]])]), "weekly",
            "no_working_time"
        ),
    ]

    @Test(arguments: badDates)
    func badDatesAreRefusedNamingTheEntry(_ draft: BusinessCalendarDraft, _ field: String, _ code: String) {
        let error = validationError { try BusinessCalendar(draft) }
        #expect(error?.field == field)
        #expect(error?.code == code)
    }

    @Test func theDraftIsNormalised() throws {
        // given
        let draft = Self.draft(
            holidays: ["2026-10-02", "2026-10-01", "2026-10-02"],
            workdays: [.init(date: "2026-10-10", hours: [["09:00", "12:00"]]), .init(date: "2026-09-20")])
        // when
        let calendar = try BusinessCalendar(draft)
        // then
        #expect(calendar.draft.holidays == ["2026-10-01", "2026-10-02"])
        #expect(
            calendar.draft.workdays == [
                .init(date: "2026-09-20"), .init(date: "2026-10-10", hours: [["09:00", "12:00"]]),
            ])
        #expect(calendar.timeZone.identifier == "Asia/Shanghai")
    }

    @Test func aMakeUpDayWithoutHoursWorksTheFirstWeekdayWithHours() throws {
        // given: closed Monday, Tuesday 10:00–16:00
        let calendar = try BusinessCalendar(
            Self.draft(weekly: ["mon": [], "tue": [["10:00", "16:00"]]], workdays: [.init(date: "2026-09-20")]))
        // when
        let hours = calendar.businessTime(
            from: SLAFixtures.date("2026-09-20T00:00:00+08:00"), to: SLAFixtures.date("2026-09-21T00:00:00+08:00"))
        // then
        #expect(hours == SLAFixtures.hours(6))
        #expect(calendar.isBusinessTime(SLAFixtures.date("2026-09-20T10:00:00+08:00")))
        #expect(!calendar.isBusinessTime(SLAFixtures.date("2026-09-20T09:00:00+08:00")))
    }

    @Test func aWorkdayOnAWeekdayReplacesItsHours() throws {
        // given: Friday 2026-12-31 closes at noon
        let calendar = try BusinessCalendar(
            Self.draft(
                weekly: ["thu": [["09:00", "18:00"]]],
                workdays: [.init(date: "2026-12-31", hours: [["09:00", "12:00"]])]))
        // when
        let hours = calendar.businessTime(
            from: SLAFixtures.date("2026-12-31T00:00:00+08:00"), to: SLAFixtures.date("2027-01-01T00:00:00+08:00"))
        // then
        #expect(hours == SLAFixtures.hours(3))
    }
}
