import Foundation

/// Checks and filters a ticket's custom field values (`custom_fields`, a JSON object keyed by
/// field key) against the tenant's field definitions.
///
/// Every error names `custom_fields.<key>`. The flow for a ticket change is: pick the form
/// (``TicketForm/select(from:formKey:ticketType:)``), ``validate(_:form:asCustomer:)`` the
/// input, ``merging(_:into:)`` it with the stored values, check ``references(in:)`` exist,
/// then ``missingRequired(onCreate:form:asCustomer:)`` or
/// ``missingRequiredToSolve(_:form:)``. Values sent to a customer go through
/// ``visibleToCustomer(_:)``.
public struct CustomFieldValues: Sendable {
    /// The tenant's definitions, active and inactive, by position then key.
    public let definitions: [CustomFieldDefinition]
    private let byKey: [String: CustomFieldDefinition]

    /// Wraps the tenant's definitions (keys are unique per tenant; a repeated key keeps the
    /// first).
    public init(definitions: [CustomFieldDefinition]) {
        self.definitions = definitions.sorted { ($0.position, $0.key) < ($1.position, $1.key) }
        self.byKey = Dictionary(definitions.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The definition with `key`, active or not.
    public func definition(forKey key: String) -> CustomFieldDefinition? { byKey[key] }

    /// The active fields that apply to a ticket: with a form, its fields in form order;
    /// without one, every active field by position.
    public func applicable(form: TicketForm?) -> [CustomFieldDefinition] {
        guard let form else { return definitions.filter(\.active) }
        return form.fieldKeys.compactMap { byKey[$0] }.filter(\.active)
    }

    /// Checks custom field input and returns it in stored form.
    ///
    /// A `null` value (or one that normalises to empty, see
    /// ``CustomFieldDefinition/normalizedValue(_:)``) is returned as `.null`, meaning "clear
    /// this field" for ``merging(_:into:)``. Keys are checked in sorted order and the first
    /// problem is thrown.
    /// - Parameters:
    ///   - input: The `custom_fields` object of a request.
    ///   - form: The ticket's form; when given, only its fields are accepted.
    ///   - asCustomer: Whether a customer sends the input; customers may not set internal
    ///     fields.
    /// - Throws: ``ValidationError`` on `custom_fields.<key>`: `unknown_field` (no such
    ///   field, inactive, or not on the form), `field_not_editable` (internal field sent by a
    ///   customer), or a value error from ``CustomFieldDefinition/normalizedValue(_:)``.
    public func validate(_ input: [String: JSONValue], form: TicketForm? = nil, asCustomer: Bool)
        throws(ValidationError) -> [String: JSONValue]
    {
        var result: [String: JSONValue] = [:]
        for key in input.keys.sorted() {
            let definition = try acceptingDefinition(forKey: key, form: form)
            if asCustomer, definition.visibility == .internal {
                throw ValidationError(
                    field: definition.valueErrorField, code: "field_not_editable",
                    message: "is an internal field that only agents can set")
            }
            result[key] = try definition.normalizedValue(input[key] ?? .null)
        }
        return result
    }

    /// The stored values after applying validated `changes`: `.null` removes a key, any other
    /// value replaces it.
    public static func merging(_ changes: [String: JSONValue], into stored: [String: JSONValue]) -> [String: JSONValue]
    {
        var merged = stored
        for (key, value) in changes {
            merged[key] = value == .null ? nil : value
        }
        return merged
    }

    /// The stored values a customer may see: only active, customer-visible fields. Internal
    /// fields and keys without a definition are dropped, so they never reach a customer.
    public func visibleToCustomer(_ values: [String: JSONValue]) -> [String: JSONValue] {
        values.filter { key, _ in
            guard let definition = byKey[key] else { return false }
            return definition.active && definition.visibility == .customer
        }
    }

    /// The customer and asset records that `values` point at, by field position; the caller
    /// checks they exist in the tenant (see ``CustomFieldReference/notFoundError``).
    public func references(in values: [String: JSONValue]) -> [CustomFieldReference] {
        definitions.compactMap { definition -> CustomFieldReference? in
            let kind: CustomFieldReference.Kind
            switch definition.type {
            case .customerReference: kind = .customer
            case .assetReference: kind = .asset
            default: return nil
            }
            guard let text = values[definition.key]?.stringValue, let id = UUID(uuidString: text) else { return nil }
            return CustomFieldReference(fieldKey: definition.key, kind: kind, id: id)
        }
    }

    private func acceptingDefinition(forKey key: String, form: TicketForm?) throws(ValidationError)
        -> CustomFieldDefinition
    {
        guard let definition = byKey[key], definition.active else {
            throw ValidationError(
                field: "custom_fields.\(key)", code: "unknown_field", message: "is not a field of this tenant")
        }
        if let form, !form.fieldKeys.contains(key) {
            throw ValidationError(
                field: "custom_fields.\(key)", code: "unknown_field", message: "is not a field of the form \(form.key)")
        }
        return definition
    }
}
