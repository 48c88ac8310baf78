import Foundation

/// One validated rule action: a ticket change, a side effect to render, or the stop signal.
struct CompiledAction: Sendable {
    enum Kind: Sendable {
        /// A field change, applied through ``TicketChange/apply(to:at:)`` so that the ticket
        /// lifecycle and tag rules are enforced in their one place.
        case change(TicketChange)
        case note(body: RuleTemplate)
        case notifyUsers([UserID], subject: RuleTemplate, body: RuleTemplate)
        case notifyGroups([GroupID], subject: RuleTemplate, body: RuleTemplate)
        case notifyAssignee(subject: RuleTemplate, body: RuleTemplate)
        case sendEmail(RuleIntent.EmailRecipient, subject: RuleTemplate, body: RuleTemplate)
        case callConnector(String, payload: JSONValue)
        case stopProcessing
    }

    let name: RuleAction.Name
    let kind: Kind

    /// What the action sets, for refusing two actions of one rule that set the same thing;
    /// `nil` for actions that may repeat (tags, notifications).
    var target: String? {
        switch kind {
        case .change(let change) where name == .setCustomField:
            return change.customFields?.keys.first.map { "set_custom_field:\($0)" }
        case .change:
            return [.addTags, .removeTags].contains(name) ? nil : name.rawValue
        case .stopProcessing:
            return name.rawValue
        default:
            return nil
        }
    }

    /// Parses and checks `action`.
    /// - Throws: ``ValidationError`` relative to the action: `action` (`unknown_action`), a
    ///   member the action does not take (`not_allowed`), or a problem with `value`, `key`,
    ///   `to`, `subject`, `body`, `connector` or `payload`.
    init(_ action: RuleAction, customFields: CustomFieldValues?) throws(ValidationError) {
        guard let name = RuleAction.Name(rawValue: action.action) else {
            throw ValidationError(
                field: "action", code: "unknown_action",
                message: "'\(action.action)' is not an action; use one of: "
                    + RuleAction.Name.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let parser = RuleActionParser(action: action, name: name, customFields: customFields)
        try parser.refuseUnusedMembers()
        self.name = name
        self.kind = try parser.parse()
    }
}
