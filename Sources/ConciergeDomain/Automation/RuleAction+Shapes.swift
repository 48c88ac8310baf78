extension RuleAction {
    /// `{"action": "set_status", "value": …}`.
    public static func setStatus(_ status: TicketStatus) -> RuleAction {
        RuleAction(.setStatus, value: .string(status.rawValue))
    }

    /// `{"action": "set_priority", "value": …}`.
    public static func setPriority(_ priority: TicketPriority) -> RuleAction {
        RuleAction(.setPriority, value: .string(priority.rawValue))
    }

    /// `{"action": "set_type", "value": …}`.
    public static func setType(_ type: TicketType) -> RuleAction {
        RuleAction(.setType, value: .string(type.rawValue))
    }

    /// `{"action": "set_group", "value": …}`; `nil` removes the group.
    public static func setGroup(_ id: GroupID?) -> RuleAction {
        RuleAction(.setGroup, value: id.map { .string($0.description) })
    }

    /// `{"action": "set_assignee", "value": …}`; `nil` unassigns.
    public static func setAssignee(_ id: UserID?) -> RuleAction {
        RuleAction(.setAssignee, value: id.map { .string($0.description) })
    }

    /// `{"action": "set_custom_field", "key": …, "value": …}`; `.null` clears the field.
    public static func setCustomField(key: String, value: JSONValue) -> RuleAction {
        RuleAction(.setCustomField, value: value, key: key)
    }

    /// `{"action": "add_tags", "value": [...]}`.
    public static func addTags(_ tags: [String]) -> RuleAction { RuleAction(.addTags, value: list(tags)) }

    /// `{"action": "remove_tags", "value": [...]}`.
    public static func removeTags(_ tags: [String]) -> RuleAction { RuleAction(.removeTags, value: list(tags)) }

    /// `{"action": "set_tags", "value": [...]}`.
    public static func setTags(_ tags: [String]) -> RuleAction { RuleAction(.setTags, value: list(tags)) }

    /// `{"action": "add_note", "body": …}`.
    public static func addNote(_ body: String) -> RuleAction { RuleAction(.addNote, body: body) }

    /// `{"action": "notify_users", "to": [...], "subject": …, "body": …}`.
    public static func notifyUsers(_ ids: [UserID], subject: String, body: String) -> RuleAction {
        RuleAction(.notifyUsers, to: list(ids.map(\.description)), subject: subject, body: body)
    }

    /// `{"action": "notify_groups", "to": [...], "subject": …, "body": …}`.
    public static func notifyGroups(_ ids: [GroupID], subject: String, body: String) -> RuleAction {
        RuleAction(.notifyGroups, to: list(ids.map(\.description)), subject: subject, body: body)
    }

    /// `{"action": "notify_assignee", "subject": …, "body": …}`.
    public static func notifyAssignee(subject: String, body: String) -> RuleAction {
        RuleAction(.notifyAssignee, subject: subject, body: body)
    }

    /// `{"action": "send_email", "to": "requester" | address, "subject": …, "body": …}`.
    public static func sendEmail(to recipient: String, subject: String, body: String) -> RuleAction {
        RuleAction(.sendEmail, to: .string(recipient), subject: subject, body: body)
    }

    /// `{"action": "call_connector", "connector": …, "payload": …}`.
    public static func callConnector(_ connector: String, payload: JSONValue) -> RuleAction {
        RuleAction(.callConnector, connector: connector, payload: payload)
    }

    /// `{"action": "stop_processing"}`.
    public static let stopProcessing = RuleAction(.stopProcessing)

    private static func list(_ texts: [String]) -> JSONValue { .array(texts.map(JSONValue.string)) }
}
