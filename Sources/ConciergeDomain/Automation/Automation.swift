/// A time-based business rule: the scheduler evaluates it against open tickets periodically
/// (hourly, like Zendesk), and it fires when its conditions hold, such as "pending for more
/// than 48 hours".
///
/// An automation fires once per ticket while its conditions keep holding (see
/// ``AutomationDecision``), so it needs no action that cancels its own condition.
/// ```yaml
/// key: remind-pending
/// title: { zh_cn: 待回复提醒, en: Pending reminder }
/// conditions:
///   all:
///     - { field: status, operator: is, value: pending }
///     - { field: hours_since_status_change, operator: greater_than, value: 48 }
/// actions:
///   - { action: send_email, to: requester, subject: "工单 {{ticket.number}} 等待您的回复", body: "…" }
/// ```
public struct Automation: Sendable, Equatable, Codable {
    /// Stable key, unique within the tenant; the fire-once marker is stored under it.
    public var key: String
    /// What administrators read in the automation list.
    public var title: LocalizedText
    /// Order of evaluation: lower first, then by key.
    public var position: Int
    /// Inactive automations never run.
    public var active: Bool
    /// When the automation fires; ``RuleConditions/all`` must include an hours condition with
    /// `greater_than` (such as `hours_since_created greater_than 2`).
    public var conditions: RuleConditions
    /// What it does, in order.
    public var actions: [RuleAction]

    /// Creates an automation; call ``compiled(customFields:)`` before storing or running it.
    public init(
        key: String, title: LocalizedText, position: Int = 0, active: Bool = true, conditions: RuleConditions,
        actions: [RuleAction]
    ) {
        self.key = key
        self.title = title
        self.position = position
        self.active = active
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
        conditions = try container.decode(RuleConditions.self, forKey: .conditions)
        actions = try container.decode([RuleAction].self, forKey: .actions)
    }

    /// Validates the automation and returns the form ``AutomationEngine`` runs.
    ///
    /// - Parameter customFields: See ``Trigger/compiled(customFields:)``.
    /// - Throws: ``ValidationError`` as for triggers, and on `conditions.all`
    ///   (`time_condition_required`: without an hours `greater_than` condition every matching
    ///   ticket would be hit on the first scan), `conditions.<group>[i].field` (`field_not_available`: there
    ///   is no event, comment or SLA metric in a scan) or `conditions.<group>[i].operator`
    ///   (`operator_not_allowed`: a scan has no previous state to compare with).
    public func compiled(customFields: CustomFieldValues? = nil) throws(ValidationError) -> CompiledAutomation {
        let key = try Validate.key(key, field: "key")
        let title = try title.validated(field: "title")
        let compiledConditions = try conditions.compiled(field: "conditions", customFields: customFields)
        for (group, list) in [("all", conditions.all), ("any", conditions.any)] {
            for (index, condition) in list.enumerated() {
                try Self.checkScannable(condition, path: "conditions.\(group)[\(index)]")
            }
        }
        guard compiledConditions.hasTimeConditionInAll else {
            throw ValidationError(
                field: "conditions.all", code: "time_condition_required",
                message: "an automation needs an hours condition such as hours_since_created greater_than 2")
        }
        let actions = try RuleActionList.compile(actions, customFields: customFields)
        return CompiledAutomation(
            key: key, title: title, position: position, active: active, conditions: compiledConditions,
            actions: actions)
    }

    private static func checkScannable(_ condition: RuleCondition, path: String) throws(ValidationError) {
        // Already compiled, so field and operator parse.
        guard let field = RuleField(path: condition.field), let op = RuleOperator(rawValue: condition.operator) else {
            return
        }
        guard field.isAvailableWithoutEvent else {
            throw ValidationError(
                field: "\(path).field", code: "field_not_available",
                message: "\(field.path) has no value in a time-based scan")
        }
        guard !op.readsPreviousState else {
            throw ValidationError(
                field: "\(path).operator", code: "operator_not_allowed",
                message: "\(op.rawValue) needs a previous state, which a time-based scan does not have")
        }
    }
}
