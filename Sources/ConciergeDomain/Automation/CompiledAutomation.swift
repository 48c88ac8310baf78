/// A validated ``Automation``, ready for ``AutomationEngine``.
public struct CompiledAutomation: Sendable {
    /// The automation's key (also the fire-once marker's name).
    public let key: String
    /// The automation's title, trimmed.
    public let title: LocalizedText
    /// Order of evaluation: lower first, then by key.
    public let position: Int
    /// Inactive automations never run.
    public let active: Bool
    /// When the automation fires.
    public let conditions: CompiledConditions
    let actions: [CompiledAction]
}
