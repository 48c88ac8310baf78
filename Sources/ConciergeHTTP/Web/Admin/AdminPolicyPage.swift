import ConciergeCore
import ConciergeDomain
import Foundation

/// The editor of an SLA policy: title, position, calendar, a grid of targets (minutes per
/// metric and priority, business or calendar time), the warning, and the conditions and
/// pausing statuses as JSON.
struct AdminPolicyPage {
    struct Values {
        var key = ""
        var titleZh = ""
        var titleEn = ""
        var position = "0"
        var calendar = ""
        /// `first_reply.urgent` → minutes as typed.
        var minutes: [String: String] = [:]
        /// Cells counted in calendar time (`business_hours: false`).
        var calendarTime: Set<String> = []
        var warningKind = "percent_elapsed"
        var warningValue = "80"
        var conditions = "{}"
        var pauseOn = "{}"

        init() {}

        init(_ policy: SLAPolicy) {
            key = policy.key
            titleZh = policy.title.zhCN
            titleEn = policy.title.en
            position = String(policy.position)
            calendar = policy.calendarKey ?? ""
            for (metric, priorities) in policy.targets.byMetric {
                for (priority, target) in priorities {
                    let cell = "\(metric.rawValue).\(priority.rawValue)"
                    minutes[cell] = String(target.minutes)
                    if !target.businessHours { calendarTime.insert(cell) }
                }
            }
            switch policy.warning {
            case .percentElapsed(let percent): (warningKind, warningValue) = ("percent_elapsed", String(percent))
            case .minutesBefore(let before): (warningKind, warningValue) = ("minutes_before", String(before))
            }
            conditions = AdminJSON.text(policy.conditions)
            pauseOn = AdminJSON.text(policy.pauseOn)
        }

        init(form: [String: String]) {
            key = form["key"] ?? ""
            titleZh = form["title_zh_cn"] ?? ""
            titleEn = form["title_en"] ?? ""
            position = form["position"] ?? ""
            calendar = form["calendar"] ?? ""
            for cell in AdminPolicyPage.cells {
                minutes[cell] = form["target.\(cell)"] ?? ""
                if form["calendar_time.\(cell)"] != nil { calendarTime.insert(cell) }
            }
            warningKind = form["warning_kind"] ?? ""
            warningValue = form["warning_value"] ?? ""
            conditions = form["conditions"] ?? ""
            pauseOn = form["pause_on"] ?? ""
        }

        /// The policy these values describe, read as the API reads one.
        /// - Throws: `invalid_number` on a number that is not one, `invalid_json` on a
        ///   textarea that is not JSON of the right shape.
        func policy() throws -> SLAPolicy {
            func number(_ text: String, field: String) throws -> JSONValue {
                .number(Double(try AdminInput.wholeNumber(text, field: field)))
            }
            var targets: [String: JSONValue] = [:]
            for metric in SLAMetric.allCases {
                var priorities: [String: JSONValue] = [:]
                for priority in TicketPriority.allCases {
                    let cell = "\(metric.rawValue).\(priority.rawValue)"
                    guard let text = minutes[cell], !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                    priorities[priority.rawValue] = .object([
                        "minutes": try number(text, field: "targets.\(cell).minutes"),
                        "business_hours": .bool(!calendarTime.contains(cell)),
                    ])
                }
                if !priorities.isEmpty { targets[metric.rawValue] = .object(priorities) }
            }
            var document: [String: JSONValue] = [
                "key": .string(key), "title": .object(["zh_cn": .string(titleZh), "en": .string(titleEn)]),
                "position": position.isEmpty ? .number(0) : try number(position, field: "position"),
                "targets": .object(targets),
                "warning": .object([warningKind: try number(warningValue, field: "warning.\(warningKind)")]),
                "conditions": try AdminJSON.value(conditions, field: "conditions", empty: .object([:])),
                "pause_on": try AdminJSON.value(pauseOn, field: "pause_on", empty: .object([:])),
            ]
            if !calendar.isEmpty { document["calendar"] = .string(calendar) }
            return try AdminJSON.decode(SLAPolicy.self, from: document)
        }
    }

    /// Every `metric.priority` of the grid.
    static let cells = SLAMetric.allCases.flatMap { metric in
        TicketPriority.allCases.map { "\(metric.rawValue).\($0.rawValue)" }
    }

    struct Cell {
        let name: String
        let calendarName: String
        let value: String
        let calendarTime: Bool
        let label: String
    }

    struct Row {
        let metric: String
        let cells: [Cell]
    }

    static let formFields: Set<String> = [
        "key", "title", "position", "calendar", "targets", "warning", "conditions", "pause_on",
    ]

    let nav: AdminNav
    let isNew: Bool
    let heading: String
    let action: String
    let key: String
    let titleZh: String
    let titleEn: String
    let position: String
    let calendarOptions: [WebOption]
    let priorities: [String]
    let rows: [Row]
    let warningOptions: [WebOption]
    let warningValue: String
    let conditions: String
    let pauseOn: String
    let deleteAction: String?
    let errors: [String: String]
    let formError: String?

    init(
        policy: SLAPolicy?, calendars: [String], values: Values, viewer: WebViewer, errors: AdminFormErrors = .none
    ) {
        let catalogue = viewer.catalogue
        nav = AdminNav(viewer, current: .serviceLevels)
        isNew = policy == nil
        heading = policy.map { $0.title.text(for: catalogue.locale) } ?? catalogue.text("admin_policy_new")
        action = policy.map { AdminPaths.policy($0.key) } ?? AdminPaths.policies
        key = values.key
        titleZh = values.titleZh
        titleEn = values.titleEn
        position = values.position
        calendarOptions =
            [
                WebOption(
                    value: "", label: catalogue.text("admin_policy_default_calendar"), selected: values.calendar.isEmpty
                )
            ]
            + calendars.map { WebOption(value: $0, label: $0, selected: $0 == values.calendar) }
        priorities = TicketPriority.allCases.map(catalogue.label)
        rows = SLAMetric.allCases.map { metric in
            Row(
                metric: catalogue.text("admin_sla_metric_\(metric.rawValue)"),
                cells: TicketPriority.allCases.map { priority in
                    let cell = "\(metric.rawValue).\(priority.rawValue)"
                    return Cell(
                        name: "target.\(cell)", calendarName: "calendar_time.\(cell)",
                        value: values.minutes[cell] ?? "",
                        calendarTime: values.calendarTime.contains(cell),
                        label: "\(catalogue.text("admin_sla_metric_\(metric.rawValue)")) · \(catalogue.label(priority))"
                    )
                })
        }
        warningOptions = ["percent_elapsed", "minutes_before"].map {
            WebOption(
                value: $0, label: catalogue.text("admin_policy_warning_\($0)"), selected: $0 == values.warningKind)
        }
        warningValue = values.warningValue
        conditions = values.conditions
        pauseOn = values.pauseOn
        deleteAction = policy.map { "\(AdminPaths.policy($0.key))/delete" }
        self.errors = errors.fields
        formError = errors.form
    }
}
