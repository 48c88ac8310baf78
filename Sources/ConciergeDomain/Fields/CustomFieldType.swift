/// The kind of value a custom field holds, which decides how input is checked and stored.
///
/// Raw values are snake_case and stable: they are stored and appear in configuration.
public enum CustomFieldType: String, Sendable, Codable, CaseIterable {
    /// One line of text, at most 2,000 characters, trimmed.
    case text
    /// Multi-line text, at most 50,000 characters, kept as typed.
    case textarea
    /// A whole JSON number (no fraction) that a JSON number carries exactly.
    case integer
    /// A JSON number or numeric string, stored as a canonical string (`NUMERIC(18,6)`).
    case decimal
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// An instant with a time zone, stored in UTC as `YYYY-MM-DDTHH:MM:SSZ`.
    case datetime
    /// `true` or `false`.
    case checkbox
    /// One of the field's option values.
    case dropdown
    /// Several of the field's option values, stored once each in option order.
    case multiSelect = "multi_select"
    /// Text that must fully match the field's pattern.
    case regex
    /// The id (UUID) of a customer record.
    case customerReference = "customer_reference"
    /// The id (UUID) of an asset (equipment) record.
    case assetReference = "asset_reference"

    /// Whether the field needs a list of options (dropdown and multi-select).
    public var hasOptions: Bool { self == .dropdown || self == .multiSelect }

    /// Whether the field needs a pattern (regex).
    public var hasPattern: Bool { self == .regex }

    /// How the expected value is named in error messages.
    public var expectedValueDescription: String {
        switch self {
        case .text: "a text of at most 2000 characters"
        case .textarea: "a text of at most 50000 characters"
        case .integer: "a whole number"
        case .decimal: "a decimal number (JSON number or numeric string)"
        case .date: "a date (YYYY-MM-DD)"
        case .datetime: "a date and time with a time zone (ISO 8601)"
        case .checkbox: "true or false"
        case .dropdown: "one option value"
        case .multiSelect: "an array of option values"
        case .regex: "a text matching the field's pattern"
        case .customerReference: "a customer id (UUID)"
        case .assetReference: "an asset id (UUID)"
        }
    }
}
