import Foundation

/// Turns a payload value into one of a ticket enum's values (``TicketPriority``,
/// ``TicketType``) through a lookup table:
/// `{"path": "$.labels.severity", "values": {"critical": "urgent", "warning": "high"}, "default": "normal"}`.
///
/// The payload's text is looked up exactly, then ignoring case and surrounding spaces; when the
/// table has no entry, text that already is a value of the enum (`high`, `Urgent`) is taken as
/// it is; otherwise ``defaultValue`` applies, and without one the ticket keeps the tenant's
/// default (`nil`).
public struct InboundValueTable: Sendable, Equatable, Codable {
    /// The most entries a table may have.
    public static let maxEntries = 100

    /// Where the looked-up value comes from (JSON key `path`); `nil` uses only the default.
    public var path: InboundValueSource?
    /// Payload text → enum raw value.
    public var values: [String: String]
    /// The enum raw value used when nothing matches (JSON key `default`).
    public var defaultValue: String?

    /// Creates a table.
    public init(path: InboundValueSource? = nil, values: [String: String] = [:], defaultValue: String? = nil) {
        self.path = path
        self.values = values
        self.defaultValue = defaultValue
    }

    enum CodingKeys: String, CodingKey {
        case path, values
        case defaultValue = "default"
    }

    /// Decodes a table; `values` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decodeIfPresent(InboundValueSource.self, forKey: .path)
        values = try container.decodeIfPresent([String: String].self, forKey: .values) ?? [:]
        defaultValue = try container.decodeIfPresent(String.self, forKey: .defaultValue)
    }

    /// Checks that the path parses and that every value and the default name a case of `Value`.
    /// - Throws: ``ValidationError`` naming e.g. `<field>.values.P1` or `<field>.default`.
    public func validate<Value: RawRepresentable<String> & CaseIterable>(as _: Value.Type, field: String)
        throws(ValidationError)
    {
        if let path {
            try path.validate(field: "\(field).path")
        } else if !values.isEmpty {
            throw ValidationError(
                field: "\(field).path", code: "required", message: "is required when values are given")
        }
        guard values.count <= Self.maxEntries else {
            throw ValidationError(
                field: "\(field).values", code: "too_many_values", message: "at most \(Self.maxEntries) entries")
        }
        let allowed = "must be one of " + Value.allCases.map(\.rawValue).joined(separator: ", ")
        for key in values.keys.sorted() where Value(rawValue: values[key] ?? "") == nil {
            throw ValidationError(field: "\(field).values.\(key)", code: "invalid_value", message: allowed)
        }
        if let defaultValue, Value(rawValue: defaultValue) == nil {
            throw ValidationError(field: "\(field).default", code: "invalid_value", message: allowed)
        }
    }

    /// The enum value for `payload`, or `nil` when nothing matches and there is no default.
    public func resolve<Value: RawRepresentable<String>>(_ payload: JSONValue, as _: Value.Type) -> Value? {
        let fallback = defaultValue.flatMap(Value.init(rawValue:))
        guard let text = path?.trimmedText(in: payload) else { return fallback }
        if let mapped = values[text] ?? caseInsensitiveEntry(text) { return Value(rawValue: mapped) ?? fallback }
        return Value(rawValue: text.lowercased()) ?? fallback
    }

    private func caseInsensitiveEntry(_ text: String) -> String? {
        let folded = text.lowercased()
        let key = values.keys.sorted().first { $0.trimmingCharacters(in: .whitespaces).lowercased() == folded }
        return key.flatMap { values[$0] }
    }
}
