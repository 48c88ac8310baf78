/// One action of a trigger or automation as a tenant writes it:
/// `{"action": "add_tags", "value": ["vip"]}`.
///
/// The members an action uses depend on its name (see ``Name``); the others must be left out.
/// Like ``RuleCondition``, the name stays text so that a typo is reported by
/// ``Trigger/compiled(customFields:)`` with its path (`actions[1].action`). The static
/// functions below build the usual shapes from typed values.
public struct RuleAction: Sendable, Equatable, Codable {
    /// The action names, with the members each one takes.
    public enum Name: String, Sendable, CaseIterable {
        /// `value`: a status (not `new`).
        case setStatus = "set_status"
        /// `value`: `low`, `normal`, `high` or `urgent`.
        case setPriority = "set_priority"
        /// `value`: a ticket type.
        case setType = "set_type"
        /// `value`: a group id, or `null` to leave the ticket without a group.
        case setGroup = "set_group"
        /// `value`: a user id, or `null` to unassign.
        case setAssignee = "set_assignee"
        /// `key`: the custom field; `value`: its new value, or `null` to clear it.
        case setCustomField = "set_custom_field"
        /// `value`: a tag or a list of tags.
        case addTags = "add_tags"
        /// `value`: a tag or a list of tags.
        case removeTags = "remove_tags"
        /// `value`: the complete list of tags (may be empty).
        case setTags = "set_tags"
        /// `body`: the note's template.
        case addNote = "add_note"
        /// `to`: user ids; `subject`, `body`: templates.
        case notifyUsers = "notify_users"
        /// `to`: group ids; `subject`, `body`: templates.
        case notifyGroups = "notify_groups"
        /// `subject`, `body`: templates; skipped when the ticket ends up unassigned.
        case notifyAssignee = "notify_assignee"
        /// `to`: `requester` or an email address; `subject`, `body`: templates.
        case sendEmail = "send_email"
        /// `connector`: the connector's key; `payload`: JSON whose strings are templates.
        case callConnector = "call_connector"
        /// No members: no later rule runs for this event (or automation scan of the ticket).
        case stopProcessing = "stop_processing"
    }

    /// The action's name (see ``Name``).
    public var action: String
    /// The field value, tags or custom field value.
    public var value: JSONValue?
    /// The custom field key of `set_custom_field`.
    public var key: String?
    /// Recipients of notifications and emails.
    public var to: JSONValue?
    /// Subject template of notifications and emails.
    public var subject: String?
    /// Body template of notes, notifications and emails.
    public var body: String?
    /// The connector key of `call_connector`.
    public var connector: String?
    /// The payload of `call_connector`; its string values are templates.
    public var payload: JSONValue?

    /// Creates an action from its members, as decoded from configuration.
    public init(
        action: String, value: JSONValue? = nil, key: String? = nil, to: JSONValue? = nil, subject: String? = nil,
        body: String? = nil, connector: String? = nil, payload: JSONValue? = nil
    ) {
        self.action = action
        self.value = value
        self.key = key
        self.to = to
        self.subject = subject
        self.body = body
        self.connector = connector
        self.payload = payload
    }

    /// Creates an action of a known name.
    public init(
        _ name: Name, value: JSONValue? = nil, key: String? = nil, to: JSONValue? = nil, subject: String? = nil,
        body: String? = nil, connector: String? = nil, payload: JSONValue? = nil
    ) {
        self.init(
            action: name.rawValue, value: value, key: key, to: to, subject: subject, body: body, connector: connector,
            payload: payload)
    }
}
