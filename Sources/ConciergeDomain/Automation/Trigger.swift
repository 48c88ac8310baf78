/// An event-based business rule: when one of ``events`` happens to a ticket and the
/// ``conditions`` hold, the ``actions`` run (Zendesk and Zammad call these triggers).
///
/// Stored and configured with snake_case keys:
/// ```yaml
/// key: vip-escalation
/// title: { zh_cn: VIP 客户升级, en: VIP escalation }
/// position: 10
/// events: [ticket_created, comment_added]
/// conditions:
///   all: [{ field: requester.tier, operator: is, value: vip }]
///   any: [{ field: comment.body, operator: contains_any_words, value: [投诉, 退货, refund] }]
/// actions:
///   - { action: set_priority, value: urgent }
///   - { action: add_tags, value: [vip] }
/// ```
/// Call ``compiled(customFields:)`` to validate it and get the form the engine runs.
public struct Trigger: Sendable, Equatable, Codable {
    /// Stable key (`vip-escalation`), unique within the tenant; recorded in the ticket history.
    public var key: String
    /// What administrators read in the trigger list.
    public var title: LocalizedText
    /// Order of evaluation: lower first, then by key.
    public var position: Int
    /// Inactive triggers never run.
    public var active: Bool
    /// The events the trigger listens to.
    public var events: [RuleEvent]
    /// When the trigger fires.
    public var conditions: RuleConditions
    /// What it does, in order.
    public var actions: [RuleAction]

    /// Creates a trigger; call ``compiled(customFields:)`` before storing or running it.
    public init(
        key: String, title: LocalizedText, position: Int = 0, active: Bool = true, events: [RuleEvent],
        conditions: RuleConditions, actions: [RuleAction]
    ) {
        self.key = key
        self.title = title
        self.position = position
        self.active = active
        self.events = events
        self.conditions = conditions
        self.actions = actions
    }

    /// Decodes with `position` (default 0) and `active` (default true) optional.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        title = try container.decode(LocalizedText.self, forKey: .title)
        position = try container.decodeIfPresent(Int.self, forKey: .position) ?? 0
        active = try container.decodeIfPresent(Bool.self, forKey: .active) ?? true
        events = try container.decode([RuleEvent].self, forKey: .events)
        conditions = try container.decodeIfPresent(RuleConditions.self, forKey: .conditions) ?? RuleConditions()
        actions = try container.decode([RuleAction].self, forKey: .actions)
    }

    /// Validates the trigger and returns the form ``TriggerEngine`` runs.
    ///
    /// - Parameter customFields: The tenant's field definitions, to check custom field
    ///   conditions, `set_custom_field` actions and template placeholders; `nil` checks only
    ///   the shape of custom field keys.
    /// - Throws: ``ValidationError`` naming the path: `key`, `title`, `events` (`required`),
    ///   `conditions.all[i]…` (see ``RuleConditions/compiled(field:customFields:)``),
    ///   `actions` (`required`), `actions[i]` (`duplicate_action`), `actions[i].<member>`.
    public func compiled(customFields: CustomFieldValues? = nil) throws(ValidationError) -> CompiledTrigger {
        let key = try Validate.key(key, field: "key")
        let title = try title.validated(field: "title")
        guard !events.isEmpty else {
            throw ValidationError(field: "events", code: "required", message: "a trigger needs at least one event")
        }
        let conditions = try conditions.compiled(field: "conditions", customFields: customFields)
        let actions = try RuleActionList.compile(actions, customFields: customFields)
        return CompiledTrigger(
            key: key, title: title, position: position, active: active, events: Set(events), conditions: conditions,
            actions: actions)
    }
}
