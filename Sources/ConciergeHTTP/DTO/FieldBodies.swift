import ConciergeDomain
import Foundation

/// `POST /api/v1/ticket-fields` and `PATCH /api/v1/ticket-fields/{field}`: a custom field
/// definition; omitted flags take their defaults on create and keep their value on update.
struct FieldBody: Decodable {
    var key: String?
    var labels: LocalizedText?
    var type: CustomFieldType?
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

    /// The definition this body describes, over `existing` when updating.
    func definition(updating existing: CustomFieldDefinition?) throws -> CustomFieldDefinition {
        guard let type = type ?? existing?.type else { throw missing("type") }
        guard let key = key ?? existing?.key else { throw missing("key") }
        guard let labels = labels ?? existing?.labels else { throw missing("labels") }
        return CustomFieldDefinition(
            id: existing?.id ?? CustomFieldID(), key: key, labels: labels, type: type,
            requiredOnCreate: requiredOnCreate ?? existing?.requiredOnCreate ?? false,
            requiredToSolve: requiredToSolve ?? existing?.requiredToSolve ?? false,
            visibility: visibility ?? existing?.visibility ?? .internal, options: options ?? existing?.options ?? [],
            pattern: pattern ?? existing?.pattern, position: position ?? existing?.position ?? 0,
            active: active ?? existing?.active ?? true)
    }
}

/// `POST /api/v1/ticket-forms` and `PATCH /api/v1/ticket-forms/{form}`.
struct FormBody: Decodable {
    var key: String?
    var names: LocalizedText?
    var ticketTypes: [TicketType]?
    var fieldKeys: [String]?
    var isDefault: Bool?
    var active: Bool?

    enum CodingKeys: String, CodingKey {
        case key, names, active
        case ticketTypes = "ticket_types"
        case fieldKeys = "field_keys"
        case isDefault = "is_default"
    }

    func form(updating existing: TicketForm?) throws -> TicketForm {
        guard let key = key ?? existing?.key else { throw missing("key") }
        guard let names = names ?? existing?.names else { throw missing("names") }
        return TicketForm(
            id: existing?.id ?? TicketFormID(), key: key, names: names,
            ticketTypes: ticketTypes ?? existing?.ticketTypes ?? [],
            fieldKeys: fieldKeys ?? existing?.fieldKeys ?? [], isDefault: isDefault ?? existing?.isDefault ?? false,
            active: active ?? existing?.active ?? true)
    }
}

private func missing(_ field: String) -> ValidationError {
    ValidationError(field: field, code: "missing_field", message: "is required")
}
