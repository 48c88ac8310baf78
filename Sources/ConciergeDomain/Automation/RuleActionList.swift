/// Validation shared by the action lists of triggers and automations.
enum RuleActionList {
    /// Compiles `actions` in order.
    /// - Throws: ``ValidationError`` on `actions` (`required`), `actions[i]` (`duplicate_action`
    ///   when an earlier action already sets the same thing) or `actions[i].<member>`.
    static func compile(_ actions: [RuleAction], customFields: CustomFieldValues?) throws(ValidationError)
        -> [CompiledAction]
    {
        guard !actions.isEmpty else {
            throw ValidationError(field: "actions", code: "required", message: "a rule needs at least one action")
        }
        var targets: Set<String> = []
        var result: [CompiledAction] = []
        for (index, action) in actions.enumerated() {
            let compiled: CompiledAction
            do {
                compiled = try CompiledAction(action, customFields: customFields)
            } catch {
                throw error.nested(under: "actions[\(index)]")
            }
            if let target = compiled.target, !targets.insert(target).inserted {
                throw ValidationError(
                    field: "actions[\(index)]", code: "duplicate_action",
                    message: "an earlier action already does \(compiled.name.rawValue)")
            }
            result.append(compiled)
        }
        return result
    }
}
