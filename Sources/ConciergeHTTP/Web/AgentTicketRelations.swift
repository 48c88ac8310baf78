import ConciergeCore
import ConciergeDomain
import Foundation

/// The ticket page's custom fields (labels in the agent's language, option labels for choices,
/// internal fields marked) and its parent, child and related tickets.
struct AgentTicketRelations {
    struct FieldLine {
        let label: String
        let value: String
        let isInternal: Bool
    }

    let fields: [FieldLine]
    let hasFields: Bool
    let parent: WebTicketLink?
    let children: [WebTicketLink]
    let related: [WebTicketLink]
    let hasLinks: Bool

    init(
        ticket: Ticket, definitions: [CustomFieldDefinition], parent: Ticket?, children: [Ticket], related: [Ticket],
        catalogue: WebCatalogue
    ) {
        let locale = catalogue.locale
        fields = definitions.compactMap { definition in
            guard let value = ticket.customFields[definition.key], value != .null else { return nil }
            return FieldLine(
                label: definition.labels.text(for: locale),
                value: Self.text(value, definition: definition, catalogue: catalogue),
                isInternal: definition.visibility == .internal)
        }
        hasFields = !fields.isEmpty
        self.parent = parent.map { WebTicketLink($0, catalogue: catalogue) }
        self.children = children.map { WebTicketLink($0, catalogue: catalogue) }
        self.related = related.map { WebTicketLink($0, catalogue: catalogue) }
        hasLinks = parent != nil || !children.isEmpty || !related.isEmpty
    }

    /// A value as people read it: option labels for choices, yes/no for a checkbox.
    static func text(_ value: JSONValue, definition: CustomFieldDefinition, catalogue: WebCatalogue) -> String {
        let locale = catalogue.locale
        func option(_ raw: String) -> String {
            definition.options.first { $0.value == raw }?.labels.text(for: locale) ?? raw
        }
        switch value {
        case .string(let text): return definition.type == .dropdown ? option(text) : text
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): return catalogue.text(flag ? "field_yes" : "field_no")
        case .array(let items): return items.compactMap(\.stringValue).map(option).joined(separator: ", ")
        case .object, .null: return ""
        }
    }
}
