import ConciergeCore
import ConciergeDomain

/// `fields.yaml` entries: a custom field without an id (matched by key when applied).
struct FieldSpec: Decodable {
    static let keys: Set<String> = [
        "key", "labels", "type", "required_on_create", "required_to_solve", "visibility", "options", "pattern",
        "position", "active",
    ]
    var key: String
    var labels: LocalizedText
    var type: CustomFieldType
    var requiredOnCreate: Bool?
    var requiredToSolve: Bool?
    var visibility: CustomFieldVisibility?
    var options: [CustomFieldOption]?
    var pattern: String?
    var position: Int?
    var active: Bool?

    enum CodingKeys: String, CodingKey {
        case key, labels, type, visibility, options, pattern, position, active
        case requiredOnCreate = "required_on_create"
        case requiredToSolve = "required_to_solve"
    }

    func definition(position fallback: Int) -> CustomFieldDefinition {
        CustomFieldDefinition(
            id: CustomFieldID(), key: key, labels: labels, type: type, requiredOnCreate: requiredOnCreate ?? false,
            requiredToSolve: requiredToSolve ?? false, visibility: visibility ?? .internal, options: options ?? [],
            pattern: pattern, position: position ?? fallback, active: active ?? true)
    }
}

/// `forms.yaml` entries.
struct FormSpec: Decodable {
    static let keys: Set<String> = ["key", "names", "ticket_types", "field_keys", "is_default", "active"]
    var key: String
    var names: LocalizedText
    var ticketTypes: [TicketType]?
    var fieldKeys: [String]
    var isDefault: Bool?
    var active: Bool?

    enum CodingKeys: String, CodingKey {
        case key, names, active
        case ticketTypes = "ticket_types"
        case fieldKeys = "field_keys"
        case isDefault = "is_default"
    }

    var form: TicketForm {
        TicketForm(
            id: TicketFormID(), key: key, names: names, ticketTypes: ticketTypes ?? [], fieldKeys: fieldKeys,
            isDefault: isDefault ?? false, active: active ?? true)
    }
}

/// `views.yaml` entries: shared views.
struct ViewSpec: Decodable {
    static let keys: Set<String> = ["key", "title", "filters"]
    var key: String
    var title: String
    var filters: ViewFilters
}

/// `macros.yaml` entries.
struct MacroSpec: Decodable {
    static let keys: Set<String> = ["key", "title", "actions", "reply_template", "reply_is_public", "active"]
    var key: String
    var title: LocalizedText
    var actions: [MacroAction]?
    var replyTemplate: String?
    var replyIsPublic: Bool?
    var active: Bool?

    enum CodingKeys: String, CodingKey {
        case key, title, actions, active
        case replyTemplate = "reply_template"
        case replyIsPublic = "reply_is_public"
    }

    var macro: Macro {
        Macro(
            id: MacroID(), key: key, title: title, actions: actions ?? [], replyTemplate: replyTemplate,
            replyIsPublic: replyIsPublic ?? true, active: active ?? true)
    }
}
