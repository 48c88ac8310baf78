import Foundation

/// The text a macro's reply template can insert, gathered by the caller from the ticket, its
/// requester and the applying agent.
///
/// - Important: For a public reply, fill ``customFields`` from
///   ``CustomFieldValues/visibleToCustomer(_:)`` so that internal values never reach the
///   customer.
public struct MacroContext: Sendable, Equatable {
    /// `{{ticket.number}}`, the ticket's display number.
    public var ticketNumber: String
    /// `{{ticket.subject}}`.
    public var ticketSubject: String
    /// `{{ticket.status}}`, as the caller wants it read (raw value or a localised label).
    public var ticketStatus: String
    /// `{{requester.name}}`.
    public var requesterName: String
    /// `{{requester.email}}`.
    public var requesterEmail: String
    /// `{{agent.name}}`, the agent applying the macro.
    public var agentName: String
    /// `{{ticket.custom_fields.<key>}}`, display text by field key.
    public var customFields: [String: String]

    /// Creates a context; every value is inserted as given.
    public init(
        ticketNumber: String, ticketSubject: String, ticketStatus: String, requesterName: String,
        requesterEmail: String, agentName: String, customFields: [String: String] = [:]
    ) {
        self.ticketNumber = ticketNumber
        self.ticketSubject = ticketSubject
        self.ticketStatus = ticketStatus
        self.requesterName = requesterName
        self.requesterEmail = requesterEmail
        self.agentName = agentName
        self.customFields = customFields
    }

    /// `{{requester.first_name}}`: how a reply addresses the requester.
    ///
    /// A name written in Chinese, Japanese or Korean script is used whole (王小明 is addressed
    /// as 王小明, never 王); otherwise the first space-separated word (`Li Wei` → `Li`).
    public var requesterFirstName: String {
        let name = requesterName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.unicodeScalars.contains(where: Self.isEastAsianScript) { return name }
        return name.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
    }

    /// Display text for stored custom field values, for ``customFields``: strings as they
    /// are, whole numbers without `.0`, `true`/`false`, arrays joined with `, `.
    public static func customFieldText(_ values: [String: JSONValue]) -> [String: String] {
        values.compactMapValues(text)
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .null: nil
        case .bool(let flag): flag ? "true" : "false"
        case .string(let string): string
        case .number(let number):
            number.rounded(.towardZero) == number && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
        case .array(let items): items.compactMap(text).joined(separator: ", ")
        case .object: nil
        }
    }

    private static func isEastAsianScript(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isIdeographic { return true }
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: return true
        default: return false
        }
    }
}
