/// One line of a field-mapping preset: a Concierge field filled from a path in vendor JSON,
/// optionally transformed.
///
/// ```swift
/// FieldMapping("email", from: "$.properties.email", .trim, .lowercase)
/// FieldMapping("updated_at", from: "$.FModifyDate", .date(timeZone: "Asia/Shanghai"), required: true)
/// ```
public struct FieldMapping: Sendable, Equatable {
    /// The Concierge field, e.g. `name`, `email`, `organization_external_id`.
    public var target: String
    /// Where the value is in the vendor's record, as a ``JSONPath``.
    public var source: String
    /// Applied in order to the value found.
    public var transforms: [FieldTransform]
    /// Whether a missing or null value is an error (else the field is left out).
    public var isRequired: Bool

    /// Creates a mapping entry.
    public init(_ target: String, from source: String, _ transforms: FieldTransform..., required: Bool = false) {
        self.target = target
        self.source = source
        self.transforms = transforms
        self.isRequired = required
    }

    /// The mapped value from `record`, or `nil` when the record has none and none is required.
    ///
    /// - Throws: ``FieldMappingError`` naming ``target`` for a bad path, a missing required value,
    ///   a non-scalar value or a failed transform.
    public func value(in record: Any) throws(FieldMappingError) -> FieldValue? {
        let path: JSONPath
        do {
            path = try JSONPath(source)
        } catch {
            throw FieldMappingError(entry: target, problem: "bad path: \(error)")
        }
        let found = path.value(in: record)
        guard let found, let scalar = FieldValue(json: found), scalar != .null else {
            if isRequired { throw FieldMappingError(entry: target, problem: "no value at \(source)") }
            if let found, FieldValue(json: found) == nil {
                throw FieldMappingError(entry: target, problem: "\(source) is an object or array, not a value")
            }
            return nil
        }
        var value = scalar
        for transform in transforms { value = try transform.apply(to: value, entry: target) }
        return value
    }
}
