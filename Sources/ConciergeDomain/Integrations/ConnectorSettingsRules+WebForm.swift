import Foundation

extension ConnectorSettingsRules {
    /// The settings of a `web_form` connector.
    static let webFormSettings: Set<String> = ["title", "intro", "group_id", "tags", "allow_attachments"]

    /// A web form's title and intro are texts (Chinese or English as the tenant writes them),
    /// its group an id, its tags a list of tags.
    static func validateWebForm(_ settings: [String: JSONValue]) throws(ValidationError) {
        for key in ["title", "intro"] {
            guard let value = settings[key] else { continue }
            guard case .string(let text) = value, !text.isEmpty, text.count <= 2000 else {
                throw ValidationError(
                    field: "settings.\(key)", code: "invalid_type", message: "\(key) is a text of 1-2000 characters")
            }
        }
        if let group = settings["group_id"] {
            guard case .string(let text) = group, UUID(uuidString: text) != nil else {
                throw ValidationError(
                    field: "settings.group_id", code: "invalid_type", message: "group_id is the id of a group")
            }
        }
        if let tags = settings["tags"] {
            guard case .array(let items) = tags else {
                throw ValidationError(field: "settings.tags", code: "invalid_type", message: "tags is a list of tags")
            }
            _ = try TicketTags.normalize(items.compactMap(\.stringValue))
        }
        if let allow = settings["allow_attachments"], case .bool = allow {
        } else if settings["allow_attachments"] != nil {
            throw ValidationError(
                field: "settings.allow_attachments", code: "invalid_type", message: "allow_attachments is true or false"
            )
        }
    }
}
