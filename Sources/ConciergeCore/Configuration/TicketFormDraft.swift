import ConciergeDomain

/// A ticket form as the API and `forms.yaml` describe it (no id).
public struct TicketFormDraft: Decodable, Sendable {
    /// The keys a document may use.
    public static let keys: Set<String> = Set(CodingKeys.allCases.map(\.rawValue))

    public var key: String?
    public var names: LocalizedText?
    public var ticketTypes: [TicketType]?
    public var fieldKeys: [String]?
    public var isDefault: Bool?
    public var active: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case key, names, active
        case ticketTypes = "ticket_types"
        case fieldKeys = "field_keys"
        case isDefault = "is_default"
    }

    /// The form this draft describes, over `existing` when updating.
    public func form(updating existing: TicketForm?) throws(ValidationError) -> TicketForm {
        guard let key = key ?? existing?.key else { throw .missing("key") }
        guard let names = names ?? existing?.names else { throw .missing("names") }
        return TicketForm(
            id: existing?.id ?? TicketFormID(), key: key, names: names,
            ticketTypes: ticketTypes ?? existing?.ticketTypes ?? [],
            fieldKeys: fieldKeys ?? existing?.fieldKeys ?? [], isDefault: isDefault ?? existing?.isDefault ?? false,
            active: active ?? existing?.active ?? true)
    }
}
