/// Case-insensitive comparison of custom field values.
enum RuleJSON {
    /// `value` with every string folded (see ``RuleText/fold(_:)``).
    static func fold(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(RuleText.fold(text))
        case .array(let items): .array(items.map(fold))
        case .object(let members): .object(members.mapValues(fold))
        case .null, .bool, .number: value
        }
    }

    /// Whether a stored value equals a folded rule value, ignoring case.
    static func equal(_ stored: JSONValue, folded expected: JSONValue) -> Bool {
        switch (stored, expected) {
        case (.string(let text), .string(let other)): RuleText.equal(RuleText.fold(text), other)
        case (.array, .array), (.object, .object): fold(stored) == expected
        default: stored == expected
        }
    }
}
