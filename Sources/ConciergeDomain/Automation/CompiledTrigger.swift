/// A validated ``Trigger``, ready for ``TriggerEngine``.
public struct CompiledTrigger: Sendable {
    /// The trigger's key.
    public let key: String
    /// The trigger's title, trimmed.
    public let title: LocalizedText
    /// Order of evaluation: lower first, then by key.
    public let position: Int
    /// Inactive triggers never run.
    public let active: Bool
    /// The events the trigger listens to.
    public let events: Set<RuleEvent>
    /// When the trigger fires.
    public let conditions: CompiledConditions
    let actions: [CompiledAction]
}
