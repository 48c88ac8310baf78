/// One change a macro makes to a ticket when an agent applies it.
///
/// Stored and configured as `{"type": "set_status", "value": "pending"}`
/// (see `MacroAction+Codable.swift`).
public enum MacroAction: Sendable, Equatable {
    /// Moves the ticket to a status (subject to ``TicketLifecycle``).
    case setStatus(TicketStatus)
    /// Sets the priority by its raw value (`high`); checked against ``TicketPriority``.
    case setPriority(String)
    /// Sets the ticket type.
    case setType(TicketType)
    /// Assigns the ticket to the group with this key.
    case assignGroup(String)
    /// Assigns the ticket to the user with this email.
    case assignUser(String)
    /// Adds tags (normalised by ``TicketTags``).
    case addTags([String])
    /// Removes tags (normalised by ``TicketTags``).
    case removeTags([String])
    /// Sets (or with `.null` clears) one custom field.
    case setCustomField(key: String, value: JSONValue)

    /// The stable snake_case name of the action (`set_status`), used in storage and errors.
    public var typeName: String {
        switch self {
        case .setStatus: "set_status"
        case .setPriority: "set_priority"
        case .setType: "set_type"
        case .assignGroup: "assign_group"
        case .assignUser: "assign_user"
        case .addTags: "add_tags"
        case .removeTags: "remove_tags"
        case .setCustomField: "set_custom_field"
        }
    }

    /// What the action targets, for spotting two actions that set the same thing: assignment
    /// of group and user are separate targets, tags may be added and removed repeatedly
    /// (`nil`), and each custom field is its own target.
    var target: String? {
        switch self {
        case .setStatus, .setPriority, .setType, .assignGroup, .assignUser: typeName
        case .addTags, .removeTags: nil
        case .setCustomField(let key, _): "set_custom_field:\(key)"
        }
    }

    /// The action with its arguments checked and normalised.
    ///
    /// - Parameter customFields: The tenant's field definitions, to check custom field keys
    ///   and values.
    /// - Throws: ``ValidationError`` relative to the action: `value` (`invalid_status` for
    ///   `new`, `invalid_priority`, `invalid_key`, `invalid_email`), `value[i]` (`invalid_tag`), `key` (`unknown_field`),
    ///   or a value error on `value`.
    func validated(customFields: CustomFieldValues) throws(ValidationError) -> MacroAction {
        switch self {
        case .setStatus(let status):
            // Nothing returns to new (see TicketLifecycle), so such a macro could never apply.
            guard status != .new else {
                throw ValidationError(
                    field: "value", code: "invalid_status", message: "a ticket cannot be moved back to new")
            }
            return self
        case .setType:
            return self
        case .setPriority(let raw):
            guard TicketPriority(rawValue: raw) != nil else {
                throw ValidationError(
                    field: "value", code: "invalid_priority",
                    message: "must be one of: \(TicketPriority.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return self
        case .assignGroup(let key):
            return .assignGroup(try Validate.key(key, field: "value"))
        case .assignUser(let email):
            return .assignUser(try Validate.email(email, field: "value"))
        case .addTags(let tags):
            return .addTags(try TicketTags.normalize(tags, field: "value"))
        case .removeTags(let tags):
            return .removeTags(try TicketTags.normalize(tags, field: "value"))
        case .setCustomField(let key, let value):
            guard let definition = customFields.definition(forKey: key), definition.active else {
                throw ValidationError(
                    field: "key", code: "unknown_field", message: "'\(key)' is not an active custom field")
            }
            do {
                return .setCustomField(key: key, value: try definition.normalizedValue(value))
            } catch {
                throw ValidationError(field: "value", code: error.code, message: error.message)
            }
        }
    }
}
