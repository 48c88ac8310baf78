import ConciergeDomain

/// `/admin/sla`: the SLA policies in the order they are tried, and the business calendars
/// with their holidays and make-up working days (调休).
struct AdminServiceLevelsPage {
    struct PolicyRow {
        let title: String
        let key: String
        let position: String
        let calendar: String
        let targets: [String]
        let href: String
    }

    struct CalendarRow {
        let key: String
        let timeZone: String
        let hours: [String]
        let holidays: String
        let workdays: String
        let href: String
    }

    let nav: AdminNav
    let policies: [PolicyRow]
    let hasPolicies: Bool
    let calendars: [CalendarRow]
    let hasCalendars: Bool

    init(policies: [SLAPolicy], calendars: [(key: String, calendar: BusinessCalendar)], viewer: WebViewer) {
        let catalogue = viewer.catalogue
        nav = AdminNav(viewer, current: .serviceLevels)
        self.policies = policies.sorted { ($0.position, $0.key) < ($1.position, $1.key) }.map { policy in
            PolicyRow(
                title: policy.title.text(for: catalogue.locale), key: policy.key, position: String(policy.position),
                calendar: policy.calendarKey ?? catalogue.text("admin_policy_default_calendar"),
                targets: SLAMetric.allCases.compactMap { metric in
                    guard let targets = policy.targets.byMetric[metric], !targets.isEmpty else { return nil }
                    let parts = TicketPriority.allCases.reversed().compactMap { priority -> String? in
                        guard let target = targets[priority] else { return nil }
                        let key = target.businessHours ? "admin_sla_minutes" : "admin_sla_minutes_calendar"
                        return "\(catalogue.label(priority)) \(catalogue.text(key, ["count": String(target.minutes)]))"
                    }
                    return "\(catalogue.text("admin_sla_metric_\(metric.rawValue)")): \(parts.joined(separator: ", "))"
                }, href: AdminPaths.policy(policy.key))
        }
        hasPolicies = !policies.isEmpty
        self.calendars = calendars.map { entry in
            let draft = entry.calendar.draft
            return CalendarRow(
                key: entry.key, timeZone: draft.timeZone,
                hours: AdminCalendarPage.weekdays.compactMap { day in
                    guard let pairs = draft.weekly[day], !pairs.isEmpty else { return nil }
                    return "\(catalogue.text("admin_weekday_\(day)")) \(AdminCalendarPage.Values.text(pairs))"
                },
                holidays: draft.holidays.isEmpty
                    ? catalogue.text("admin_none") : draft.holidays.joined(separator: ", "),
                workdays: draft.workdays.isEmpty
                    ? catalogue.text("admin_none") : draft.workdays.map(\.date).joined(separator: ", "),
                href: AdminPaths.calendar(entry.key))
        }
        hasCalendars = !calendars.isEmpty
    }
}
