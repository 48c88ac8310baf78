import Foundation

/// A tenant-defined ticket field (the "form engine"): its key, labels, value type, who sees
/// it and when it is required.
///
/// Values for a set of definitions are checked by ``CustomFieldValues``; a definition itself
/// is checked by ``validate()`` before it is stored.
public struct CustomFieldDefinition: Sendable, Equatable, Codable {
    /// Stable identifier.
    public var id: CustomFieldID
    /// Stable key (`serial_number`), unique within the tenant; the key of the value in a
    /// ticket's `custom_fields`.
    public var key: String
    /// What agents and customers read.
    public var labels: LocalizedText
    /// The kind of value.
    public var type: CustomFieldType
    /// Whether a new ticket must carry a value.
    public var requiredOnCreate: Bool
    /// Whether a ticket needs a value before it may be solved.
    public var requiredToSolve: Bool
    /// Whether customers see and edit the field.
    public var visibility: CustomFieldVisibility
    /// Ordered choices; exactly for ``CustomFieldType/dropdown`` and
    /// ``CustomFieldType/multiSelect``.
    public var options: [CustomFieldOption]
    /// Regular expression a ``CustomFieldType/regex`` value must fully match (ICU syntax, as
    /// `NSRegularExpression` reads it); `nil` for every other type.
    public var pattern: String?
    /// Display order; lower first.
    public var position: Int
    /// Inactive fields accept no values and are not required; stored values are kept.
    public var active: Bool

    /// Creates a definition; call ``validate()`` before storing it.
    public init(
        id: CustomFieldID, key: String, labels: LocalizedText, type: CustomFieldType,
        requiredOnCreate: Bool = false, requiredToSolve: Bool = false, visibility: CustomFieldVisibility = .internal,
        options: [CustomFieldOption] = [], pattern: String? = nil, position: Int = 0, active: Bool = true
    ) {
        self.id = id
        self.key = key
        self.labels = labels
        self.type = type
        self.requiredOnCreate = requiredOnCreate
        self.requiredToSolve = requiredToSolve
        self.visibility = visibility
        self.options = options
        self.pattern = pattern
        self.position = position
        self.active = active
    }

    /// Checks the definition.
    ///
    /// Options are required (at least one, values unique and key-like) exactly for dropdown and
    /// multi-select fields and forbidden for the others; a pattern is required exactly for
    /// regex fields and must compile.
    /// - Throws: ``ValidationError`` naming the field: `key`, `labels`, `labels.en`,
    ///   `options`, `options[2].value`, `options[2].labels`, `pattern`.
    public func validate() throws(ValidationError) {
        _ = try Validate.key(key, field: "key")
        _ = try labels.validated(field: "labels")
        try validateOptions()
        try validatePattern()
    }

    /// The compiled full-match expression for a regex field, `nil` when the pattern is
    /// missing or does not compile.
    ///
    /// The pattern is compiled alone first: a pattern such as `a)|(b` would otherwise escape
    /// the anchoring group and match partially.
    var fullMatchExpression: NSRegularExpression? {
        guard let pattern, !pattern.isEmpty, (try? NSRegularExpression(pattern: pattern)) != nil else { return nil }
        return try? NSRegularExpression(pattern: "\\A(?:\(pattern))\\z")
    }

    private func validateOptions() throws(ValidationError) {
        guard type.hasOptions else {
            guard options.isEmpty else {
                throw ValidationError(
                    field: "options", code: "not_allowed",
                    message: "only dropdown and multi_select fields have options, not \(type.rawValue)")
            }
            return
        }
        guard !options.isEmpty else {
            throw ValidationError(
                field: "options", code: "required", message: "\(type.rawValue) needs at least one option")
        }
        var seen: Set<String> = []
        for (index, option) in options.enumerated() {
            _ = try Validate.key(option.value, field: "options[\(index)].value")
            guard seen.insert(option.value).inserted else {
                throw ValidationError(
                    field: "options[\(index)].value", code: "duplicate_option",
                    message: "option value '\(option.value)' appears more than once")
            }
            _ = try option.labels.validated(field: "options[\(index)].labels")
        }
    }

    private func validatePattern() throws(ValidationError) {
        guard type.hasPattern else {
            guard pattern == nil else {
                throw ValidationError(
                    field: "pattern", code: "not_allowed",
                    message: "only regex fields have a pattern, not \(type.rawValue)")
            }
            return
        }
        guard let pattern, !pattern.isEmpty else {
            throw ValidationError(field: "pattern", code: "required", message: "a regex field needs a pattern")
        }
        guard fullMatchExpression != nil else {
            throw ValidationError(
                field: "pattern", code: "invalid_pattern", message: "'\(pattern)' is not a valid regular expression")
        }
    }
}

extension CustomFieldDefinition {
    /// Stored and served with snake_case keys, like every other API document.
    enum CodingKeys: String, CodingKey {
        case id, key, labels, type, visibility, options, pattern, position, active
        case requiredOnCreate = "required_on_create"
        case requiredToSolve = "required_to_solve"
    }
}
