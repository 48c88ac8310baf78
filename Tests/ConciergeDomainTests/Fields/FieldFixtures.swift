import ConciergeDomain
import Foundation

/// Builders for custom field tests.
enum FieldFixtures {
    static let labels = LocalizedText(zhCN: "字段", en: "Field")

    static func option(_ value: String) -> CustomFieldOption {
        CustomFieldOption(value: value, labels: LocalizedText(zhCN: value, en: value))
    }

    static func field(
        _ key: String, _ type: CustomFieldType, visibility: CustomFieldVisibility = .customer,
        requiredOnCreate: Bool = false, requiredToSolve: Bool = false, options: [String] = [],
        pattern: String? = nil, position: Int = 0, active: Bool = true
    ) -> CustomFieldDefinition {
        CustomFieldDefinition(
            id: CustomFieldID(), key: key, labels: labels, type: type, requiredOnCreate: requiredOnCreate,
            requiredToSolve: requiredToSolve, visibility: visibility, options: options.map(option), pattern: pattern,
            position: position, active: active)
    }

    /// A valid definition of `type`, with options or a pattern where the type needs them.
    static func validField(_ type: CustomFieldType, key: String = "field") -> CustomFieldDefinition {
        field(
            key, type, options: type.hasOptions ? ["low", "medium", "high"] : [],
            pattern: type.hasPattern ? "[A-Z]{2}-\\d{4}" : nil)
    }

    static func form(
        _ key: String, types: [TicketType] = [], fields: [String], isDefault: Bool = false, active: Bool = true
    ) -> TicketForm {
        TicketForm(
            id: TicketFormID(), key: key, names: LocalizedText(zhCN: "表单", en: "Form"), ticketTypes: types,
            fieldKeys: fields, isDefault: isDefault, active: active)
    }
}
