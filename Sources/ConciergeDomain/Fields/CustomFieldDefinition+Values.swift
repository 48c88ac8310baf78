import Foundation

extension CustomFieldDefinition {
    /// Most characters (not bytes) in a ``CustomFieldType/text`` or ``CustomFieldType/regex`` value.
    public static let maxTextLength = 2_000
    /// Most characters (not bytes) in a ``CustomFieldType/textarea`` value.
    public static let maxTextareaLength = 50_000
    /// Largest magnitude of an ``CustomFieldType/integer`` value: 2^53 − 1.
    ///
    /// ``JSONValue`` holds numbers as `Double`, which carries whole numbers exactly only up to
    /// this bound; larger input would be stored as a different number, so it is refused
    /// rather than silently changed.
    public static let maxIntegerMagnitude: Int64 = 9_007_199_254_740_991

    /// The path errors about this field's value are reported on: `custom_fields.<key>`.
    public var valueErrorField: String { "custom_fields.\(key)" }

    /// Checks one input value against this field's type and returns it in stored form.
    ///
    /// Stored forms: trimmed text (textarea kept as typed); integers as numbers; decimals as
    /// canonical strings (leading zeros and a negative zero's sign dropped; a string keeps its
    /// scale, `"1.50"` stays `"1.50"`, while a JSON number is written shortest, `2.0` → `"2"`);
    /// dates as `YYYY-MM-DD`; date-times in UTC as `YYYY-MM-DDTHH:MM:SSZ` (fractional seconds
    /// dropped); multi-select values once each, in option order; reference ids as lowercase
    /// UUIDs.
    /// - Returns: The stored value, or `.null` when the input clears the field: `null`, a
    ///   string that is empty after trimming (text, number, date, choice or reference), an
    ///   empty multi-select array. Strings other than textarea are trimmed before checking.
    /// - Throws: ``ValidationError`` on `custom_fields.<key>` with code `invalid_field_value`
    ///   (wrong type or shape; the message names the expected type), `too_long`,
    ///   `invalid_characters`, `out_of_range`, `invalid_option` or `pattern_mismatch`.
    public func normalizedValue(_ value: JSONValue) throws(ValidationError) -> JSONValue {
        if value == .null { return .null }
        switch type {
        case .text: return try normalizedText(value, maxLength: Self.maxTextLength, multiline: false)
        case .textarea: return try normalizedText(value, maxLength: Self.maxTextareaLength, multiline: true)
        case .regex: return try normalizedRegexText(value)
        case .integer: return try normalizedInteger(value)
        case .decimal: return try normalizedDecimal(value)
        case .date:
            let text = try string(value).trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return .null }
            guard let date = CalendarDate(text) else { throw invalid("must be \(type.expectedValueDescription)") }
            return .string(date.description)
        case .datetime:
            let text = try string(value).trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return .null }
            guard let utc = UTCDateTime.normalized(text) else {
                throw invalid("must be \(type.expectedValueDescription), such as 2024-03-01T09:30:00+08:00")
            }
            return .string(utc)
        case .checkbox:
            guard case .bool = value else { throw wrongType() }
            return value
        case .dropdown:
            let text = try string(value).trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return .null }
            guard options.contains(where: { $0.value == text }) else { throw unknownOption(text) }
            return .string(text)
        case .multiSelect: return try normalizedSelection(value)
        case .customerReference, .assetReference:
            let text = try string(value).trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return .null }
            guard let uuid = UUID(uuidString: text) else { throw wrongType() }
            return .string(uuid.uuidString.lowercased())
        }
    }

    /// Whether `value` (already in stored form) satisfies a required check: present, not
    /// empty, and for a checkbox `true` — a required checkbox must be ticked.
    public func isFilled(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: false
        case .string(let text)?: !text.isEmpty
        case .array(let items)?: !items.isEmpty
        case .bool(let ticked)?: type == .checkbox ? ticked : true
        default: true
        }
    }

    private func normalizedText(_ value: JSONValue, maxLength: Int, multiline: Bool) throws(ValidationError)
        -> JSONValue
    {
        let raw = try string(value)
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .null }
        // A textarea keeps its indentation and line breaks; a one-line text does not need them.
        let text = multiline ? raw : trimmed
        guard text.count <= maxLength else {
            throw ValidationError(
                field: valueErrorField, code: "too_long", message: "must be at most \(maxLength) characters")
        }
        let allowed: Set<Unicode.Scalar> = multiline ? ["\n", "\r", "\t"] : []
        guard
            !text.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control && !allowed.contains($0)
            })
        else {
            throw ValidationError(
                field: valueErrorField, code: "invalid_characters", message: "must not contain control characters")
        }
        return .string(text)
    }

    private func normalizedRegexText(_ value: JSONValue) throws(ValidationError) -> JSONValue {
        guard case .string(let text) = try normalizedText(value, maxLength: Self.maxTextLength, multiline: false)
        else { return .null }
        guard let expression = fullMatchExpression else {
            throw ValidationError(
                field: valueErrorField, code: "invalid_pattern", message: "the field's pattern is invalid")
        }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        guard expression.firstMatch(in: text, range: range) != nil else {
            throw ValidationError(
                field: valueErrorField, code: "pattern_mismatch", message: "must match the pattern \(pattern ?? "")")
        }
        return .string(text)
    }

    private func normalizedInteger(_ value: JSONValue) throws(ValidationError) -> JSONValue {
        guard case .number(let number) = value, number.isFinite else { throw wrongType() }
        guard number.rounded(.towardZero) == number else {
            throw invalid("must be a whole number without a fraction")
        }
        guard abs(number) <= Double(Self.maxIntegerMagnitude) else {
            throw ValidationError(
                field: valueErrorField, code: "out_of_range",
                message: "must be between -\(Self.maxIntegerMagnitude) and \(Self.maxIntegerMagnitude)")
        }
        // `+ 0` turns -0 into 0.
        return .number(number + 0)
    }

    private func normalizedDecimal(_ value: JSONValue) throws(ValidationError) -> JSONValue {
        let decimal: DecimalText?
        switch value {
        case .number(let number): decimal = DecimalText(number)
        case .string(let raw):
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return .null }
            decimal = DecimalText(text)
        default: throw wrongType()
        }
        guard let decimal else { throw wrongType() }
        guard decimal.fitsStorage else {
            throw ValidationError(
                field: valueErrorField, code: "out_of_range",
                message:
                    "must have at most \(DecimalText.maxIntegerDigits) digits before and \(DecimalText.maxFractionDigits) after the decimal point"
            )
        }
        return .string(decimal.description)
    }

    private func normalizedSelection(_ value: JSONValue) throws(ValidationError) -> JSONValue {
        guard case .array(let items) = value else { throw wrongType() }
        var chosen: Set<String> = []
        for item in items {
            guard case .string(let text) = item else { throw wrongType() }
            guard options.contains(where: { $0.value == text }) else { throw unknownOption(text) }
            chosen.insert(text)
        }
        if chosen.isEmpty { return .null }
        return .array(options.filter { chosen.contains($0.value) }.map { .string($0.value) })
    }

    private func string(_ value: JSONValue) throws(ValidationError) -> String {
        guard case .string(let text) = value else { throw wrongType() }
        return text
    }

    private func wrongType() -> ValidationError { invalid("must be \(type.expectedValueDescription)") }

    private func invalid(_ message: String) -> ValidationError {
        ValidationError(field: valueErrorField, code: "invalid_field_value", message: message)
    }

    private func unknownOption(_ value: String) -> ValidationError {
        ValidationError(
            field: valueErrorField, code: "invalid_option",
            message: "'\(value)' is not one of: \(options.map(\.value).joined(separator: ", "))")
    }
}
