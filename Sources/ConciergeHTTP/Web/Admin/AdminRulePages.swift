import ConciergeCore
import ConciergeDomain
import Foundation

/// Which kind of rule a console page is about.
enum AdminRuleKind: String {
    case trigger
    case automation

    var listPath: String { self == .trigger ? AdminPaths.triggers : AdminPaths.automations }
    func path(_ key: String) -> String { self == .trigger ? AdminPaths.trigger(key) : AdminPaths.automation(key) }
}

/// Rules as people read them in a list: conditions and actions in one line each, users and
/// groups by name.
struct AdminRuleSummary {
    let userNames: [String: String]
    let groupNames: [String: String]

    init(users: [User], groups: [Group]) {
        userNames = Dictionary(uniqueKeysWithValues: users.map { ($0.id.description, $0.name) })
        groupNames = Dictionary(uniqueKeysWithValues: groups.map { ($0.id.description, $0.name) })
    }

    /// `all: status is pending · any: subject contains 退货`.
    func conditions(_ conditions: RuleConditions, catalogue: WebCatalogue) -> String {
        func line(_ condition: RuleCondition) -> String {
            [condition.field, condition.operator, condition.value.map { text($0) }].compactMap { $0 }.joined(
                separator: " ")
        }
        let groups = [("all", conditions.all), ("any", conditions.any)].filter { !$0.1.isEmpty }.map { name, list in
            "\(catalogue.text("admin_rule_\(name)")): \(list.map(line).joined(separator: "; "))"
        }
        return groups.isEmpty ? catalogue.text("admin_rule_always") : groups.joined(separator: " · ")
    }

    /// `set_priority high; notify_groups 售后服务组`.
    func actions(_ actions: [RuleAction]) -> String {
        actions.map { action in
            let names = action.to ?? action.value
            let shown = names.map { value in
                switch action.action {
                case "set_group", "notify_groups": text(value, names: groupNames)
                case "set_assignee", "notify_users": text(value, names: userNames)
                default: text(value)
                }
            }
            return [action.action, action.key, shown, action.connector].compactMap { $0 }.joined(separator: " ")
        }.joined(separator: "; ")
    }

    /// A value in a line: strings bare, lists joined, anything else as compact JSON; ids by
    /// their names when `names` knows them.
    func text(_ value: JSONValue, names: [String: String] = [:]) -> String {
        switch value {
        case .string(let string): names[string] ?? string
        case .array(let items): items.map { text($0, names: names) }.joined(separator: ", ")
        default: AdminConnectorPage.text(value)
        }
    }
}

/// `/admin/rules`: triggers (on ticket events) and automations (on time), in evaluation order.
struct AdminRulesPage {
    struct Row {
        let title: String
        let key: String
        let position: String
        let events: String?
        let conditions: String
        let actions: String
        let active: String
        let activeKind: String
        let href: String
    }

    let nav: AdminNav
    let triggers: [Row]
    let hasTriggers: Bool
    let automations: [Row]
    let hasAutomations: Bool

    init(triggers: [Trigger], automations: [Automation], summary: AdminRuleSummary, viewer: WebViewer) {
        let catalogue = viewer.catalogue
        func row(
            _ title: LocalizedText, _ key: String, _ position: Int, _ active: Bool, events: [RuleEvent]?,
            _ conditions: RuleConditions, _ actions: [RuleAction], kind: AdminRuleKind
        ) -> Row {
            Row(
                title: title.text(for: catalogue.locale), key: key, position: String(position),
                events: events.map {
                    $0.map { catalogue.text("admin_rule_event_\($0.rawValue)") }.joined(separator: ", ")
                },
                conditions: summary.conditions(conditions, catalogue: catalogue), actions: summary.actions(actions),
                active: catalogue.text(active ? "admin_active" : "admin_inactive"),
                activeKind: active ? "good" : "muted",
                href: kind.path(key))
        }
        nav = AdminNav(viewer, current: .rules)
        self.triggers = triggers.sorted { ($0.position, $0.key) < ($1.position, $1.key) }.map {
            row($0.title, $0.key, $0.position, $0.active, events: $0.events, $0.conditions, $0.actions, kind: .trigger)
        }
        hasTriggers = !triggers.isEmpty
        self.automations = automations.sorted { ($0.position, $0.key) < ($1.position, $1.key) }.map {
            row($0.title, $0.key, $0.position, $0.active, events: nil, $0.conditions, $0.actions, kind: .automation)
        }
        hasAutomations = !automations.isEmpty
    }
}

/// The editor of a trigger or an automation: title, position and events in boxes, the
/// conditions and actions as JSON (the shape of the API and `triggers.yaml`).
struct AdminRulePage {
    struct Values {
        var key = ""
        var titleZh = ""
        var titleEn = ""
        var position = "0"
        var events: Set<String> = []
        var conditions = "{\n  \"all\": [],\n  \"any\": []\n}"
        var actions = "[]"
        var active = true

        init() {}

        init(_ trigger: Trigger) {
            self.init(trigger.key, trigger.title, trigger.position, trigger.active, trigger.conditions, trigger.actions)
            events = Set(trigger.events.map(\.rawValue))
        }

        init(_ automation: Automation) {
            self.init(
                automation.key, automation.title, automation.position, automation.active, automation.conditions,
                automation.actions)
        }

        private init(
            _ key: String, _ title: LocalizedText, _ position: Int, _ active: Bool, _ conditions: RuleConditions,
            _ actions: [RuleAction]
        ) {
            self.key = key
            titleZh = title.zhCN
            titleEn = title.en
            self.position = String(position)
            self.active = active
            self.conditions = AdminJSON.text(conditions)
            self.actions = AdminJSON.text(actions)
        }

        init(form: [String: String], events: [String]) {
            key = form["key"] ?? ""
            titleZh = form["title_zh_cn"] ?? ""
            titleEn = form["title_en"] ?? ""
            position = form["position"] ?? ""
            self.events = Set(events)
            conditions = form["conditions"] ?? ""
            actions = form["actions"] ?? ""
        }

        /// The rule document these values describe, as the API's PUT body (`events` only for
        /// triggers). - Throws: `invalid_number` on `position`, `invalid_json` on a textarea.
        func document(_ kind: AdminRuleKind) throws -> [String: JSONValue] {
            let order = position.isEmpty ? 0 : try AdminInput.wholeNumber(position, field: "position")
            var document: [String: JSONValue] = [
                "key": .string(key), "title": .object(["zh_cn": .string(titleZh), "en": .string(titleEn)]),
                "position": .number(Double(order)), "active": .bool(active),
                "conditions": try AdminJSON.value(conditions, field: "conditions", empty: .object([:])),
                "actions": try AdminJSON.value(actions, field: "actions", empty: .array([])),
            ]
            if kind == .trigger {
                document["events"] = .array(
                    RuleEvent.allCases.map(\.rawValue).filter(events.contains).map(JSONValue.string))
            }
            return document
        }
    }

    static let formFields: Set<String> = ["key", "title", "position", "events", "conditions", "actions"]

    let nav: AdminNav
    let isTrigger: Bool
    let isNew: Bool
    let heading: String
    let action: String
    let key: String
    let titleZh: String
    let titleEn: String
    let position: String
    let eventChoices: [WebOption]
    let conditions: String
    let actions: String
    let active: Bool
    let toggleAction: String?
    let errors: [String: String]
    let formError: String?

    init(
        kind: AdminRuleKind, existing: (key: String, title: LocalizedText)?, values: Values, viewer: WebViewer,
        errors: AdminFormErrors = .none
    ) {
        let catalogue = viewer.catalogue
        nav = AdminNav(viewer, current: .rules)
        isTrigger = kind == .trigger
        isNew = existing == nil
        heading =
            existing.map { $0.title.text(for: catalogue.locale) } ?? catalogue.text("admin_rule_new_\(kind.rawValue)")
        action = existing.map { kind.path($0.key) } ?? kind.listPath
        key = values.key
        titleZh = values.titleZh
        titleEn = values.titleEn
        position = values.position
        eventChoices = RuleEvent.allCases.map {
            WebOption(
                value: $0.rawValue, label: catalogue.text("admin_rule_event_\($0.rawValue)"),
                selected: values.events.contains($0.rawValue))
        }
        conditions = values.conditions
        actions = values.actions
        active = values.active
        toggleAction = existing.map { "\(kind.path($0.key))/\(values.active ? "deactivate" : "activate")" }
        self.errors = errors.fields
        formError = errors.form
    }
}
