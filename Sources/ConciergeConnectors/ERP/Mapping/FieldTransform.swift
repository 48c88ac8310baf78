import Foundation

/// One step applied to a value a ``FieldMapping`` read, in the order the mapping lists them.
public enum FieldTransform: Sendable, Equatable {
    /// Text in lower case (e-mail addresses, codes).
    case lowercase
    /// Text without leading and trailing white space.
    case trim
    /// Any scalar as text (numbers without `.0`, dates in ISO 8601 UTC).
    case string
    /// A number, from a number or from text such as `"12.50"`.
    case number
    /// A date: ISO 8601, `yyyy-MM-dd HH:mm:ss` or epoch milliseconds; text without an offset is
    /// wall-clock time in `timeZone` (an IANA name; default `Asia/Shanghai`).
    case date(timeZone: String = "Asia/Shanghai")
    /// Looks the value's text up in `table`; a value not in the table becomes `fallback`, or is an
    /// error when there is no fallback.
    case map([String: String], fallback: String? = nil)

    /// The transformed value.
    ///
    /// - Throws: ``FieldMappingError`` naming `entry` when the value does not fit the transform.
    func apply(to value: FieldValue, entry: String) throws(FieldMappingError) -> FieldValue {
        switch self {
        case .lowercase: return .string(value.description.lowercased())
        case .trim: return .string(value.description.trimmingCharacters(in: .whitespacesAndNewlines))
        case .string: return .string(value.description)
        case .number:
            if case .number = value { return value }
            let text = value.description.trimmingCharacters(in: .whitespaces)
            guard let number = Double(text) else {
                throw FieldMappingError(entry: entry, problem: "'\(text)' is not a number")
            }
            return .number(number)
        case .date(let zoneName):
            guard let zone = TimeZone(identifier: zoneName) else {
                throw FieldMappingError(entry: entry, problem: "unknown time zone '\(zoneName)'")
            }
            guard let date = VendorDateParser.parse(value, timeZone: zone) else {
                throw FieldMappingError(entry: entry, problem: "'\(value)' is not a date")
            }
            return .date(date)
        case .map(let table, let fallback):
            if let mapped = table[value.description] ?? fallback { return .string(mapped) }
            throw FieldMappingError(entry: entry, problem: "'\(value)' is not in the value table")
        }
    }
}
