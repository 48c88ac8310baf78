import ConciergeDomain
import Foundation

/// The custom fields in the ticket page's properties form: one input per active field that the
/// ticket's form allows (all active fields for a ticket without a form), and the reading of the
/// posted form back into the values that changed.
///
/// Values are checked by the domain on save; this type only turns HTML inputs into JSON values
/// (a number for an integer, `true`/`false` for a checkbox, an array for a multi-select, a
/// date-time typed in the tenant's zone into an instant) and leaves out what the agent did not
/// change, so saving the form never rewrites a field it did not touch.
struct AgentTicketFieldEditor {
    /// One field's input, with flags the template switches on.
    struct Input {
        let key: String
        let name: String
        let label: String
        let isInternal: Bool
        let requiredToSolve: Bool
        let isText: Bool
        let isTextarea: Bool
        let isNumber: Bool
        let isDate: Bool
        let isDatetime: Bool
        let isCheckbox: Bool
        let isSelect: Bool
        let isMultiSelect: Bool
        let isReference: Bool
        let value: String
        let checked: Bool
        let options: [WebOption]
        /// The save refused this field's value.
        let invalid: Bool
    }

    /// The form field that lists the custom fields on the form (repeated, one per field), so an
    /// unticked checkbox or an emptied multi-select is told from a field not on the form.
    static let listedName = "cf_fields"
    static let prefix = "cf."

    let inputs: [Input]
    let hasInputs: Bool

    init(
        ticket: Ticket, definitions: [CustomFieldDefinition], forms: [TicketForm], catalogue: WebCatalogue,
        timeZone: TimeZone, invalidKey: String?
    ) {
        let locale = catalogue.locale
        inputs = Self.editable(definitions, ticket: ticket, forms: forms).map { definition in
            let stored = ticket.customFields[definition.key]
            let selected = Set(Self.choices(stored))
            let none = [WebOption(value: "", label: catalogue.text("field_none"), selected: stored == nil)]
            let options = definition.options.map {
                WebOption(value: $0.value, label: $0.labels.text(for: locale), selected: selected.contains($0.value))
            }
            return Input(
                key: definition.key, name: Self.prefix + definition.key, label: definition.labels.text(for: locale),
                isInternal: definition.visibility == .internal, requiredToSolve: definition.requiredToSolve,
                isText: [.text, .regex].contains(definition.type), isTextarea: definition.type == .textarea,
                isNumber: [.integer, .decimal].contains(definition.type), isDate: definition.type == .date,
                isDatetime: definition.type == .datetime, isCheckbox: definition.type == .checkbox,
                isSelect: definition.type == .dropdown, isMultiSelect: definition.type == .multiSelect,
                isReference: [.customerReference, .assetReference].contains(definition.type),
                value: Self.shown(stored, type: definition.type, timeZone: timeZone),
                checked: stored == .bool(true),
                options: definition.type == .dropdown ? none + options : options,
                invalid: invalidKey == definition.key)
        }
        hasInputs = !inputs.isEmpty
    }

    /// The active fields a ticket's form allows, in display order.
    static func editable(_ definitions: [CustomFieldDefinition], ticket: Ticket, forms: [TicketForm])
        -> [CustomFieldDefinition]
    {
        let allowed = ticket.formKey.flatMap { key in forms.first { $0.key == key } }.map { Set($0.fieldKeys) }
        return definitions.filter { $0.active && (allowed?.contains($0.key) ?? true) }
            .sorted { ($0.position, $0.key) < ($1.position, $1.key) }
    }

    /// The values the posted form changes, keyed by field; `.null` clears a field.
    /// - Parameters:
    ///   - fields: the form's single values; `pairs`: every name/value pair (multi-selects).
    static func changes(
        fields: [String: String], pairs: [(name: String, value: String)], ticket: Ticket,
        definitions: [CustomFieldDefinition], forms: [TicketForm], timeZone: TimeZone
    ) -> [String: JSONValue] {
        let listed = Set(pairs.filter { $0.name == listedName }.map(\.value))
        var changes: [String: JSONValue] = [:]
        for definition in editable(definitions, ticket: ticket, forms: forms) where listed.contains(definition.key) {
            let name = prefix + definition.key
            let stored = ticket.customFields[definition.key]
            switch definition.type {
            case .checkbox:
                let ticked = fields[name] != nil
                if ticked != (stored == .bool(true)) { changes[definition.key] = .bool(ticked) }
            case .multiSelect:
                let chosen = pairs.filter { $0.name == name }.map(\.value).filter { !$0.isEmpty }
                if Set(chosen) != Set(choices(stored)) {
                    changes[definition.key] = .array(chosen.map(JSONValue.string))
                }
            default:
                let posted = fields[name] ?? ""
                guard posted != shown(stored, type: definition.type, timeZone: timeZone) else { continue }
                changes[definition.key] = value(posted, type: definition.type, timeZone: timeZone)
            }
        }
        return changes
    }

    /// A stored value as its input shows it.
    static func shown(_ stored: JSONValue?, type: CustomFieldType, timeZone: TimeZone) -> String {
        switch stored {
        case .string(let text)?:
            guard type == .datetime, let date = try? Date(text, strategy: .iso8601) else { return text }
            return localDateTime(date, timeZone: timeZone)
        case .number(let number)?:
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        default: return ""
        }
    }

    /// What an input's text means as a value; text the type cannot read is passed on as text
    /// for the domain to refuse with its message.
    static func value(_ posted: String, type: CustomFieldType, timeZone: TimeZone) -> JSONValue {
        let text = posted.trimmingCharacters(in: .whitespaces)
        switch type {
        case .integer:
            if text.isEmpty { return .null }
            return Int64(text).map { .number(Double($0)) } ?? .string(text)
        case .datetime:
            if text.isEmpty { return .null }
            return instant(localDateTime: text, timeZone: timeZone).map { .string($0.formatted(.iso8601)) }
                ?? .string(text)
        default: return .string(posted)
        }
    }

    /// `2026-11-24T09:30`, as `<input type="datetime-local">` reads and writes it.
    static func localDateTime(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// The instant a `datetime-local` text names in `timeZone` (seconds optional).
    static func instant(localDateTime text: String, timeZone: TimeZone) -> Date? {
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).map { Int($0) }
        guard (5...6).contains(parts.count), !parts.contains(nil) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(
            year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4],
            second: parts.count == 6 ? parts[5] : 0)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    static func choices(_ stored: JSONValue?) -> [String] {
        switch stored {
        case .string(let text)?: [text]
        case .array(let items)?: items.compactMap(\.stringValue)
        default: []
        }
    }
}
