import ConciergeDomain
import Foundation

/// Calendars, policies and dates shared by the SLA tests. Dates are written in ISO 8601 with
/// their zone offset, so every expectation reads as the wall clock of the office it is about.
enum SLAFixtures {
    /// `2026-03-09T09:00:00+08:00` as an instant.
    static func date(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    /// Seconds in `hours` hours.
    static func hours(_ hours: Double) -> TimeInterval { hours * 3_600 }

    /// A calendar from a draft that is known to be valid.
    static func calendar(_ draft: BusinessCalendarDraft) -> BusinessCalendar {
        try! BusinessCalendar(draft)
    }

    /// Weekdays 09:00–12:00 and 13:30–18:00 in Shanghai (7.5 h a day), closed for 国庆
    /// (2026-10-01 to 10-07), working the make-up Sunday 2026-09-20 with standard hours and
    /// the make-up Saturday 2026-10-10 in the morning only.
    static let shanghaiOffice = calendar(
        BusinessCalendarDraft(
            timeZone: "Asia/Shanghai",
            weekly: Dictionary(
                uniqueKeysWithValues: ["mon", "tue", "wed", "thu", "fri"].map {
                    ($0, [["09:00", "12:00"], ["13:30", "18:00"]])
                }),
            holidays: (1...7).map { "2026-10-0\($0)" },
            workdays: [
                .init(date: "2026-09-20"),
                .init(date: "2026-10-10", hours: [["09:00", "12:00"]]),
            ]))

    /// Weekdays 09:00–17:00 in New York.
    static let newYorkOffice = calendar(
        BusinessCalendarDraft(
            timeZone: "America/New_York",
            weekly: Dictionary(
                uniqueKeysWithValues: ["mon", "tue", "wed", "thu", "fri"].map { ($0, [["09:00", "17:00"]]) })
        ))

    /// Every day 09:00–17:00 in New York, so that the daylight-saving Sundays have hours.
    static let newYorkEveryDay = calendar(
        BusinessCalendarDraft(
            timeZone: "America/New_York",
            weekly: Dictionary(
                uniqueKeysWithValues: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map {
                    ($0, [["09:00", "17:00"]])
                })
        ))

    /// Every day 00:00–24:00 on New York's wall clock.
    static let newYorkAroundTheClock = calendar(
        BusinessCalendarDraft(
            timeZone: "America/New_York",
            weekly: Dictionary(
                uniqueKeysWithValues: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map {
                    ($0, [["00:00", "24:00"]])
                })
        ))

    /// Open only on Mondays 09:00–10:00, and every Monday from 2026-01-05 to 2030-12-30 is a holiday: no
    /// working time for more than the three-year search limit.
    static let neverOpen = calendar(
        BusinessCalendarDraft(
            timeZone: "Asia/Shanghai", weekly: ["mon": [["09:00", "10:00"]]],
            holidays: (0..<261).map { week in
                let monday = date("2026-01-05T12:00:00+08:00").addingTimeInterval(TimeInterval(week) * 7 * 86_400)
                return monday.formatted(
                    Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "Asia/Shanghai")!).year().month().day())
            }))

    /// The standard policy of the clock tests:
    /// - first reply: urgent 60 min around the clock, high 2 h, normal 4 h, low 8 h (business);
    /// - next reply: urgent 30 min around the clock, normal 2 h business;
    /// - requester wait: normal 16 h business;
    /// - resolution: urgent 8 h around the clock, normal 40 h business;
    /// - default pauses; warning at 80 %.
    static let policy = SLAPolicy(
        key: "standard", title: LocalizedText(zhCN: "标准服务", en: "Standard"),
        targets: SLATargets([
            .firstReply: [
                .urgent: SLATarget(minutes: 60, businessHours: false), .high: SLATarget(minutes: 120),
                .normal: SLATarget(minutes: 240), .low: SLATarget(minutes: 480),
            ],
            .nextReply: [.urgent: SLATarget(minutes: 30, businessHours: false), .normal: SLATarget(minutes: 120)],
            .requesterWait: [.normal: SLATarget(minutes: 960)],
            .resolution: [.urgent: SLATarget(minutes: 480, businessHours: false), .normal: SLATarget(minutes: 2_400)],
        ]))

    /// Evaluates `events` of a ticket created at `created` under `policy` on the Shanghai
    /// office calendar (or `calendar`).
    static func evaluate(
        created: String, priority: TicketPriority = .normal, events: [SLAEvent] = [], now: String,
        policy: SLAPolicy = policy, calendar: BusinessCalendar = shanghaiOffice
    ) throws -> [SLAMetric: SLAMetricState] {
        try SLAClock.evaluate(
            policy: policy, calendar: calendar,
            timeline: SLATimeline(createdAt: date(created), initialPriority: priority, events: events), now: date(now))
    }
}
