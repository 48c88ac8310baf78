import ConciergeDomain
import Foundation

/// The editor of a business calendar: time zone, opening hours per weekday, holidays and
/// make-up working days (调休), as people type them; ``draft`` turns them into the
/// ``BusinessCalendarDraft`` the use case checks.
struct AdminCalendarPage {
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    struct Values {
        var key = ""
        var timeZone = "Asia/Shanghai"
        /// Per weekday: `09:00-12:00, 13:30-18:00`.
        var hours: [String: String] = [:]
        /// Dates separated by spaces, commas or lines.
        var holidays = ""
        /// One per line: `2026-09-20`, or `2026-10-10 09:00-12:00` with its own hours.
        var workdays = ""

        init() {
            for day in ["mon", "tue", "wed", "thu", "fri"] { hours[day] = "09:00-12:00, 13:30-18:00" }
        }

        init(key: String, calendar: BusinessCalendar) {
            let draft = calendar.draft
            self.key = key
            timeZone = draft.timeZone
            for day in AdminCalendarPage.weekdays {
                hours[day] = Self.text(draft.weekly[day] ?? [])
            }
            holidays = draft.holidays.joined(separator: "\n")
            workdays = draft.workdays.map { day in
                day.hours.map { "\(day.date) \(Self.text($0))" } ?? day.date
            }.joined(separator: "\n")
        }

        init(form: [String: String]) {
            key = form["key"] ?? ""
            timeZone = form["time_zone"] ?? ""
            for day in AdminCalendarPage.weekdays { hours[day] = form["weekly_\(day)"] ?? "" }
            holidays = form["holidays"] ?? ""
            workdays = form["workdays"] ?? ""
        }

        /// The draft these texts describe (the use case checks every part).
        var draft: BusinessCalendarDraft {
            var weekly: [String: [[String]]] = [:]
            for day in AdminCalendarPage.weekdays {
                let intervals = Self.intervals(hours[day] ?? "")
                if !intervals.isEmpty { weekly[day] = intervals }
            }
            let dates = holidays.split(whereSeparator: { $0 == "," || $0 == "，" || $0.isWhitespace }).map(String.init)
            let worked = workdays.split(whereSeparator: \.isNewline).compactMap {
                line -> BusinessCalendarDraft.Workday? in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return nil }
                let date = String(trimmed.prefix { !$0.isWhitespace })
                let rest = trimmed.dropFirst(date.count).trimmingCharacters(in: .whitespaces)
                return .init(date: date, hours: rest.isEmpty ? nil : Self.intervals(rest))
            }
            return BusinessCalendarDraft(timeZone: timeZone, weekly: weekly, holidays: dates, workdays: worked)
        }

        /// `09:00-12:00, 13:30-18:00` as pairs; a piece without a dash stays whole, for the
        /// use case to name.
        static func intervals(_ text: String) -> [[String]] {
            text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == ";" }).compactMap { piece in
                let trimmed = piece.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return nil }
                return trimmed.split(maxSplits: 1, whereSeparator: { $0 == "-" || $0 == "–" || $0 == "~" }).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
            }
        }

        static func text(_ pairs: [[String]]) -> String {
            pairs.map { $0.joined(separator: "-") }.joined(separator: ", ")
        }
    }

    struct Day {
        let name: String
        let label: String
        let value: String
        let error: String?
    }

    static let formFields: Set<String> = ["key", "time_zone", "weekly", "holidays", "workdays"]

    let nav: AdminNav
    let isNew: Bool
    let heading: String
    let action: String
    let key: String
    let timeZoneOptions: [WebOption]
    let days: [Day]
    let holidays: String
    let workdays: String
    let deleteAction: String?
    let errors: [String: String]
    let formError: String?

    init(key existing: String?, values: Values, viewer: WebViewer, errors: AdminFormErrors = .none) {
        let catalogue = viewer.catalogue
        nav = AdminNav(viewer, current: .serviceLevels)
        isNew = existing == nil
        heading =
            existing.map { catalogue.text("admin_calendar_heading", ["key": $0]) }
            ?? catalogue.text("admin_calendar_new")
        action = existing.map(AdminPaths.calendar) ?? AdminPaths.calendars
        key = values.key
        let zones =
            AdminSettingsPage.timeZones.contains(values.timeZone)
            ? AdminSettingsPage.timeZones : [values.timeZone] + AdminSettingsPage.timeZones
        timeZoneOptions = zones.map { WebOption(value: $0, label: $0, selected: $0 == values.timeZone) }
        // A weekday's error (`weekly.mon[1]`) shows by that day.
        let errorDay = errors.path.flatMap { path in
            path.hasPrefix("weekly.") ? String(path.dropFirst("weekly.".count).prefix(3)) : nil
        }
        days = Self.weekdays.map { day in
            Day(
                name: "weekly_\(day)", label: catalogue.text("admin_weekday_\(day)"), value: values.hours[day] ?? "",
                error: day == errorDay ? errors.fields["weekly"] : nil)
        }
        holidays = values.holidays
        workdays = values.workdays
        deleteAction = existing.map { "\(AdminPaths.calendar($0))/delete" }
        var shown = errors.fields
        if errorDay != nil { shown["weekly"] = nil }
        self.errors = shown
        formError = errors.form
    }
}
