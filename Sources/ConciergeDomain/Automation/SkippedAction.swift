/// A rule action that fired but was not applied, with the reason, for the ticket history and
/// the rule's diagnostics.
public struct SkippedAction: Sendable, Equatable {
    /// The key of the trigger or automation.
    public var ruleKey: String
    /// The action's position in the rule's `actions`.
    public var actionIndex: Int
    /// The action's name (`set_status`).
    public var action: String
    /// Machine-readable reason: `invalid_transition` (the ticket lifecycle forbids the status
    /// change), `ticket_closed`, `too_many_tags`, `invalid_tag`, `no_assignee`.
    public var code: String
    /// Human explanation.
    public var message: String

    /// Creates a record of a skipped action.
    public init(ruleKey: String, actionIndex: Int, action: String, code: String, message: String) {
        self.ruleKey = ruleKey
        self.actionIndex = actionIndex
        self.action = action
        self.code = code
        self.message = message
    }
}
