import Foundation

/// A canned response: changes an agent applies to a ticket in one click, optionally with a
/// reply rendered from a template.
///
/// Applying a macro is the caller's job (each action maps to an ordinary ticket change, with
/// the usual permission and lifecycle checks); the domain checks the definition
/// (``validate(customFields:)``) and renders the reply (``MacroTemplate``).
public struct Macro: Sendable, Equatable, Codable {
    /// Stable identifier.
    public var id: MacroID
    /// Stable key (`request_photos`), unique within the tenant.
    public var key: String
    /// What agents read in the macro menu.
    public var title: LocalizedText
    /// The changes, applied in order.
    public var actions: [MacroAction]
    /// Plain-text reply with placeholders (see ``MacroTemplate``), or `nil` for no reply.
    public var replyTemplate: String?
    /// Whether the reply is public (sent to the requester) or an internal note.
    public var replyIsPublic: Bool
    /// Inactive macros are not offered.
    public var active: Bool

    /// Creates a macro; call ``validate(customFields:)`` before storing it.
    public init(
        id: MacroID, key: String, title: LocalizedText, actions: [MacroAction], replyTemplate: String? = nil,
        replyIsPublic: Bool = true, active: Bool = true
    ) {
        self.id = id
        self.key = key
        self.title = title
        self.actions = actions
        self.replyTemplate = replyTemplate
        self.replyIsPublic = replyIsPublic
        self.active = active
    }

    /// The reply template parsed, `nil` when the macro has none.
    public var template: MacroTemplate? { replyTemplate.map(MacroTemplate.init) }

    /// Checks the macro and returns it normalised (trimmed title, lowercased emails, normalised
    /// tags and custom field values, an empty template dropped).
    ///
    /// - Parameter customFields: The tenant's field definitions, for `set_custom_field`
    ///   actions and `{{ticket.custom_fields.<key>}}` placeholders.
    /// - Throws: ``ValidationError`` naming the field: `key`, `title`, `actions` (`required`:
    ///   a macro with neither actions nor a reply does nothing), `actions[i]`
    ///   (`duplicate_action` when two actions set the same thing), `actions[i].value`,
    ///   `actions[i].key`, or `reply_template` (`unknown_placeholder`, or
    ///   `internal_field_in_public_reply` when a public reply would show an internal field).
    public func validate(customFields: CustomFieldValues) throws(ValidationError) -> Macro {
        var result = self
        result.key = try Validate.key(key, field: "key")
        result.title = try title.validated(field: "title")
        result.replyTemplate =
            replyTemplate?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == false
            ? replyTemplate : nil
        guard !actions.isEmpty || result.replyTemplate != nil else {
            throw ValidationError(field: "actions", code: "required", message: "a macro needs an action or a reply")
        }
        var targets: Set<String> = []
        result.actions = []
        for (index, action) in actions.enumerated() {
            if let target = action.target, !targets.insert(target).inserted {
                throw ValidationError(
                    field: "actions[\(index)]", code: "duplicate_action",
                    message: "an earlier action already does \(action.typeName)")
            }
            do {
                result.actions.append(try action.validated(customFields: customFields))
            } catch {
                throw error.nested(under: "actions[\(index)]")
            }
        }
        if let template = result.template {
            let active = customFields.definitions.filter(\.active)
            try template.validate(customFieldKeys: Set(active.map(\.key)))
            if replyIsPublic,
                let hidden = template.customFieldKeys.first(where: {
                    customFields.definition(forKey: $0)?.visibility == .internal
                })
            {
                throw ValidationError(
                    field: "reply_template", code: "internal_field_in_public_reply",
                    message: "a public reply cannot show the internal field \(hidden)")
            }
        }
        return result
    }
}

extension Macro {
    /// Stored and served with snake_case keys.
    enum CodingKeys: String, CodingKey {
        case id, key, title, actions, active
        case replyTemplate = "reply_template"
        case replyIsPublic = "reply_is_public"
    }
}
