/// A named set of custom fields for one kind of request (报修单, 退货申请…): which fields a
/// ticket shows, accepts and requires.
///
/// With a form, only its fields are accepted and required; without one, every active field
/// applies. ``select(from:formKey:ticketType:)`` picks the form for a ticket.
public struct TicketForm: Sendable, Equatable, Codable {
    /// Stable identifier.
    public var id: TicketFormID
    /// Stable key (`repair_request`), unique within the tenant.
    public var key: String
    /// What agents and customers read.
    public var names: LocalizedText
    /// Ticket types the form is meant for; empty means every type.
    public var ticketTypes: [TicketType]
    /// Keys of the form's custom fields, in display order.
    public var fieldKeys: [String]
    /// Whether this is the tenant's fallback form; at most one form is.
    public var isDefault: Bool
    /// Inactive forms are never selected.
    public var active: Bool

    /// Creates a form; call ``validate(against:)`` before storing it.
    public init(
        id: TicketFormID, key: String, names: LocalizedText, ticketTypes: [TicketType] = [], fieldKeys: [String],
        isDefault: Bool = false, active: Bool = true
    ) {
        self.id = id
        self.key = key
        self.names = names
        self.ticketTypes = ticketTypes
        self.fieldKeys = fieldKeys
        self.isDefault = isDefault
        self.active = active
    }

    /// Whether the form may be used for a ticket of `type`: its types are empty (every type),
    /// or include `type`. A ticket without a type may use any form.
    public func applies(to type: TicketType?) -> Bool {
        guard let type else { return true }
        return ticketTypes.isEmpty || ticketTypes.contains(type)
    }

    /// Checks the form against the tenant's field definitions (inactive fields may be listed:
    /// they simply do not apply while inactive).
    /// - Throws: ``ValidationError`` on `key`, `names`, `ticket_types[i]` (`duplicate_type`),
    ///   `field_keys[i]` (`unknown_field` or `duplicate_field`).
    public func validate(against definitions: [CustomFieldDefinition]) throws(ValidationError) {
        _ = try Validate.key(key, field: "key")
        _ = try names.validated(field: "names")
        for (index, type) in ticketTypes.enumerated() where ticketTypes[..<index].contains(type) {
            throw ValidationError(
                field: "ticket_types[\(index)]", code: "duplicate_type", message: "'\(type.rawValue)' is listed twice")
        }
        let known = Set(definitions.map(\.key))
        for (index, fieldKey) in fieldKeys.enumerated() {
            guard known.contains(fieldKey) else {
                throw ValidationError(
                    field: "field_keys[\(index)]", code: "unknown_field", message: "'\(fieldKey)' is not a custom field"
                )
            }
            guard !fieldKeys[..<index].contains(fieldKey) else {
                throw ValidationError(
                    field: "field_keys[\(index)]", code: "duplicate_field", message: "'\(fieldKey)' is listed twice")
            }
        }
    }

    /// Checks a tenant's forms together: each valid, keys unique, at most one default.
    /// - Throws: ``ValidationError`` nested under `forms[i]`: `forms[i].key`
    ///   (`duplicate_key`), `forms[i].is_default` (`multiple_defaults`), or a problem from
    ///   ``validate(against:)``.
    public static func validate(_ forms: [TicketForm], against definitions: [CustomFieldDefinition])
        throws(ValidationError)
    {
        var keys: Set<String> = []
        var defaultKey: String?
        for (index, form) in forms.enumerated() {
            do {
                try form.validate(against: definitions)
            } catch {
                throw error.nested(under: "forms[\(index)]")
            }
            guard keys.insert(form.key).inserted else {
                throw ValidationError(
                    field: "forms[\(index)].key", code: "duplicate_key", message: "form key '\(form.key)' is used twice"
                )
            }
            if form.isDefault {
                if let defaultKey {
                    throw ValidationError(
                        field: "forms[\(index)].is_default", code: "multiple_defaults",
                        message: "'\(defaultKey)' is already the default form")
                }
                defaultKey = form.key
            }
        }
    }
}

extension TicketForm {
    /// Stored and served with snake_case keys.
    enum CodingKeys: String, CodingKey {
        case id, key, names, active
        case ticketTypes = "ticket_types"
        case fieldKeys = "field_keys"
        case isDefault = "is_default"
    }
}
