import ConciergeCore
import ConciergeDomain
import Foundation

/// `calendars.yaml`, `sla_policies.yaml`, `triggers.yaml` and `automations.yaml`: the same
/// JSON shapes as the API, in YAML. Rules may name groups by key and users by email; whether
/// those exist is checked on apply, everything else here, with the file and line.
extension TenantFolder {
    static let calendarKeys: Set<String> = ["key", "time_zone", "weekly", "holidays", "workdays"]
    static let policyKeys: Set<String> = [
        "key", "title", "position", "calendar", "conditions", "targets", "pause_on", "warning",
    ]
    static let triggerKeys: Set<String> = ["key", "title", "position", "active", "events", "conditions", "actions"]
    static let automationKeys: Set<String> = ["key", "title", "position", "active", "conditions", "actions"]

    /// A calendar entry: its key beside the calendar's own fields.
    struct CalendarEntry: Decodable {
        var key: String
        var draft: BusinessCalendarDraft

        private enum CodingKeys: String, CodingKey { case key }

        init(from decoder: any Decoder) throws {
            key = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .key)
            draft = try BusinessCalendarDraft(from: decoder)
        }
    }

    static func readCalendars(_ root: YAMLValue) throws -> [TenantBlueprint.CalendarSpec] {
        try YAMLDocuments.read(root, listKey: "calendars", allowedKeys: calendarKeys, as: CalendarEntry.self).map {
            entry, item in
            try YAMLDocuments.validating(item) {
                TenantBlueprint.CalendarSpec(
                    key: try Validate.key(entry.key, field: "key"), calendar: try BusinessCalendar(entry.draft))
            }
        }
    }

    static func readPolicies(_ root: YAMLValue, calendars: [TenantBlueprint.CalendarSpec]) throws -> [SLAPolicy] {
        let known = Set(calendars.map(\.key))
        return try YAMLDocuments.read(root, listKey: "policies", allowedKeys: policyKeys, as: SLAPolicy.self).map {
            policy, item in
            try YAMLDocuments.validating(item) {
                let valid = try policy.validated()
                if let calendar = valid.calendarKey, !known.contains(calendar) {
                    throw ValidationError(
                        field: "calendar", code: "unknown_calendar", message: "names no calendar in calendars.yaml")
                }
                return valid
            }
        }
    }

    static func readTriggers(_ root: YAMLValue, fields: [CustomFieldDefinition]) throws -> [Trigger] {
        let values = CustomFieldValues(definitions: fields)
        return try YAMLDocuments.read(root, listKey: "triggers", allowedKeys: triggerKeys, as: Trigger.self).map {
            trigger, item in
            var probe = trigger
            probe.actions = probe.actions.map(Self.withPlaceholderReferences)
            _ = try YAMLDocuments.validating(item) { try probe.compiled(customFields: values) }
            return trigger
        }
    }

    static func readAutomations(_ root: YAMLValue, fields: [CustomFieldDefinition]) throws -> [Automation] {
        let values = CustomFieldValues(definitions: fields)
        return try YAMLDocuments.read(root, listKey: "automations", allowedKeys: automationKeys, as: Automation.self)
            .map { automation, item in
                var probe = automation
                probe.actions = probe.actions.map(Self.withPlaceholderReferences)
                _ = try YAMLDocuments.validating(item) { try probe.compiled(customFields: values) }
                return automation
            }
    }

    /// The action with each group key or user email replaced by a made-up id, so that
    /// compiling checks everything but whether they exist (which apply checks).
    static func withPlaceholderReferences(_ action: RuleAction) -> RuleAction {
        let names: Set<String> = ["set_group", "set_assignee", "notify_groups", "notify_users"]
        guard names.contains(action.action) else { return action }
        func placeholder(_ json: JSONValue?) -> JSONValue? {
            switch json {
            case .string?: .string(UUID().uuidString.lowercased())
            case .array(let items)?:
                .array(items.map { $0.stringValue == nil ? $0 : .string(UUID().uuidString.lowercased()) })
            default: json
            }
        }
        var copy = action
        if action.action.hasPrefix("notify_") {
            copy.to = placeholder(action.to)
        } else {
            copy.value = placeholder(action.value)
        }
        return copy
    }
}
