import ConciergeDomain

/// A custom field as the API and `fields.yaml` describe it: no id, optional flags. Omitted
/// values take their defaults on create and keep their value on update.
public struct CustomFieldDraft: Decodable, Sendable {
    /// The keys a document may use (unknown keys are refused in YAML).
    public static let keys: Set<String> = Set(CodingKeys.allCases.map(\.rawValue))

    public var key: String?
    public var labels: LocalizedText?
    public var type: CustomFieldType?
    public var requiredOnCreate: Bool?
    public var requiredToSolve: Bool?
    public var visibility: CustomFieldVisibility?
    public var options: [CustomFieldOption]?
    public var pattern: String?
    public var position: Int?
    public var active: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case key, labels, type, visibility, options, pattern, position, active
        case requiredOnCreate = "required_on_create"
        case requiredToSolve = "required_to_solve"
    }

    /// The definition this draft describes, over `existing` when updating.
    /// - Throws: ``ValidationError`` (`missing_field`) when a required value is absent.
    public func definition(updating existing: CustomFieldDefinition?, position fallback: Int = 0)
        throws(ValidationError)
        -> CustomFieldDefinition
    {
        guard let type = type ?? existing?.type else { throw .missing("type") }
        guard let key = key ?? existing?.key else { throw .missing("key") }
        guard let labels = labels ?? existing?.labels else { throw .missing("labels") }
        return CustomFieldDefinition(
            id: existing?.id ?? CustomFieldID(), key: key, labels: labels, type: type,
            requiredOnCreate: requiredOnCreate ?? existing?.requiredOnCreate ?? false,
            requiredToSolve: requiredToSolve ?? existing?.requiredToSolve ?? false,
            visibility: visibility ?? existing?.visibility ?? .internal, options: options ?? existing?.options ?? [],
            pattern: pattern ?? existing?.pattern, position: position ?? existing?.position ?? fallback,
            active: active ?? existing?.active ?? true)
    }
}

extension ValidationError {
    /// A required value that is absent.
    static func missing(_ field: String) -> ValidationError {
        ValidationError(field: field, code: "missing_field", message: "is required")
    }
}
